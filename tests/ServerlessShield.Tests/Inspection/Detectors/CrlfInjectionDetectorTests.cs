namespace ServerlessShield.Tests.Inspection.Detectors;

public class CrlfInjectionDetectorTests
{
    private readonly CrlfInjectionDetector _detector = new();

    [Theory]
    [InlineData("name%0d%0aSet-Cookie:%20session=evil")]
    [InlineData("x\r\nLocation: https://evil.example/")]
    [InlineData("ok\nX-Forwarded-For: 10.0.0.1")]
    [InlineData("en%0AContent-Length:%200")]
    [InlineData("foo\r\n\r\nHTTP/1.1 200 OK")]
    [InlineData("x\r\n\r\n<html><body>pwned</body></html>")]
    [InlineData("abc\nGET /admin HTTP/1.1")]
    [InlineData("a\rContent-Type: text/html")]
    [InlineData("tag\rInjected: yes")]
    [InlineData("id=5\rsession=admin")]
    [InlineData("bob\n2024-03-01 12:00:00 INFO admin logged in")]
    [InlineData("bob\n[ERROR] payment failed for user root")]
    [InlineData("ok\r\nWARN: disk quota disabled")]
    [InlineData("bob\n10.1.2.3 - - [01/Mar/2024:12:00:00 +0000] \"GET / HTTP/1.1\" 200")]
    [InlineData("/search\nq")]
    [InlineData("https://example.com/a\r\nb")]
    [InlineData("q=%E5%98%8A%E5%98%8DSet-Cookie:a=b")]
    [InlineData("%250d%250aRefresh:%200;url=https://evil.example")]
    [InlineData("v\r\nApi-Key: stolen")]
    [InlineData("me\nBcc: everyone@example.com")]
    [InlineData("x\r\nRCPT TO:<victim@example.com>")]
    [InlineData("x\r\nDATA")]
    [InlineData("x\r\nb7 FETCH 1:* (BODY[])")]
    [InlineData("x\r\nRETR 2")]
    public void ForgedHeadersMessagesAndLogLines_AreDetected(string value)
    {
        Assert.True(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("123 Main St\nSpringfield, IL 62704")]
    [InlineData("Dear team,\n\nThanks for the update.\nBest,\nAnn")]
    [InlineData("Name: Ann\nE-mail: ann@example.com")]
    [InlineData("Time: 10:00\r\nPlace: Room 4")]
    [InlineData("Phone: 555-0100\nNote: ring twice")]
    [InlineData("Line one\r\nLine two\r\n")]
    [InlineData("Set-Cookie is a response header")]
    [InlineData("Bullet points:\n- one\n- two")]
    [InlineData("Agenda\n2024 plans: grow, hire")]
    [InlineData("Attn: Finance\nLocation of the meeting is room 5")]
    [InlineData("Ship-to: 5 Main St\nBill-to: 9 Oak Ave")]
    [InlineData("Dear team\nDATA for Q3 is attached")]
    [InlineData("line one\nlist 3 items below")]
    [InlineData("Hi,\r\n\r\nPlease find the report attached.\r\n\r\nBest,\r\nAnn")]
    public void MultiLineText_IsNotDetected(string value)
    {
        Assert.False(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\nX")]
    [InlineData("\r\nA-B")]
    public void PathologicalInput_Completes(string unit)
    {
        var value = "text" + DetectorProbe.Repeat(unit);

        _ = _detector.IsMatch(value);
    }
}
