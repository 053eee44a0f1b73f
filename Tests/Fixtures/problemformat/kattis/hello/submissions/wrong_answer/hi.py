print("Hi " + input())
