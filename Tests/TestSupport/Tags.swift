import Testing

extension Tag {
    /// Tests that spawn the scripted Python server or run programs in the real sandbox, where the rest of their
    /// suite's module uses in-process doubles (`ScriptedChatModel`, `ScriptedJudge`).
    @Tag public static var integration: Self
}
