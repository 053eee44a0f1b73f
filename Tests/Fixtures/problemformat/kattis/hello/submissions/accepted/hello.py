print("Hello " + input())
