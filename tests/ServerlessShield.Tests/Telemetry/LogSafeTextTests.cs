namespace ServerlessShield.Tests.Telemetry;

// Ids a sender chooses (Service Bus message ids, Event Grid event ids) reach log lines and security events through
// LogSafeText: platform ids pass unchanged, anything else as printable ASCII of at most 128 characters.
public sealed class LogSafeTextTests
{
    [Theory]
    [InlineData("8f1c6a2e-4b7d-4e0a-9c3b-2d5f7a9e1b04")]
    [InlineData("49546986683135544286507457936321625675700192471156785154")]
    [InlineData("order created: #42 (retry 1)")]
    public void Id_PrintableAsciiUpTo128Characters_IsReturnedAsItIs(string id) =>
        Assert.Same(id, LogSafeText.Id(id));

    [Theory]
    [InlineData("id-2\r\n2026-11-29 info: forged", "id-2??2026-11-29 info: forged")]
    [InlineData("\u001b[31mred\u001b[0m", "?[31mred?[0m")]
    [InlineData("caf\u00e9-\u2028", "caf?-?")]
    public void Id_ControlAndNonAsciiCharacters_BecomeQuestionMarks(string id, string expected) =>
        Assert.Equal(expected, LogSafeText.Id(id));

    [Fact]
    public void Id_LongerThan128Characters_IsCutAndMarked()
    {
        var id = new string('a', 200);

        Assert.Equal(new string('a', 128) + "…", LogSafeText.Id(id));
        Assert.Null(LogSafeText.Id(null));
    }
}
