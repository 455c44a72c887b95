using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Http;

// Form uploads: each part's content and file name are inspected; the framing (boundary lines, part headers, CRLFs)
// is not user text, and read whole it looked like CRLF injection.
public class MultipartFormDataTests
{
    private const string Boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    private static readonly HttpRequestParts Upload = new()
    {
        Method = "POST",
        Path = "/upload",
        ContentType = "multipart/form-data; boundary=" + Boundary,
    };

    [Fact]
    public async Task TextFieldAndCsvFile_AreAllowed()
    {
        var result = await Run(Body(("title", null, "Quarterly report"), ("file", "report.csv", "region,total\r\nnorth,1200\r\nsouth,980\r\n")));

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task AttackInATextField_IsBlockedAtThatField()
    {
        var result = await Run(Body(("title", null, "Q3"), ("comment", null, "x' union select password from users--")));

        Assert.Equal(ShieldRules.SqlInjection, result.Outcome.Rule);
        Assert.Equal("body.comment", result.Findings[0].FieldPath);
    }

    [Theory]
    [InlineData("../../../etc/cron.d/job")]
    [InlineData("..\\..\\..\\home\\site\\wwwroot\\host.json")]
    public async Task TraversalInAFileName_IsBlockedAtTheFileName(string fileName)
    {
        var result = await Run(Body(("file", fileName, "* * * * * root id\n")));

        Assert.Equal(ShieldRules.PathTraversal, result.Outcome.Rule);
        Assert.Equal("body.file.filename", result.Findings[0].FieldPath);
    }

    [Fact]
    public async Task BinaryFilePart_IsAllowed()
    {
        var image = new byte[8 * 1024];
        new Random(4).NextBytes(image);
        var body = Concat("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"cat.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n", image, "\r\n--" + Boundary + "--\r\n");

        var result = await Run(body);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    // A text file saved as UTF-16 (Notepad's "Unicode") is read by its byte order mark, like a whole UTF-16 body.
    [Fact]
    public async Task Utf16FilePart_IsInspectedAsItsText()
    {
        static byte[] Upload(string text) => Concat(
            "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n",
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "\r\n--" + Boundary + "--\r\n");

        var clean = await Run(Upload("Meeting notes, 3 December: budget approved."));
        var attack = await Run(Upload("<svg onload=alert(document.domain)>"));

        Assert.Equal(ShieldOutcomeKind.Allowed, clean.Outcome.Kind);
        Assert.Equal(ShieldRules.CrossSiteScripting, attack.Outcome.Rule);
        Assert.Equal("body.notes", attack.Findings[0].FieldPath);
    }

    [Fact]
    public async Task JsonPart_IsInspectedAsJson()
    {
        var result = await Run(Body(("metadata", null, "{\"tags\":[\"q3\",\"<img src=x onerror=alert(1)>\"]}")));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ShieldRules.CrossSiteScripting, finding.Rule);
        Assert.Equal("body.metadata.tags[1]", finding.FieldPath);
    }

    [Fact]
    public async Task BareLineFeeds_AreReadToo()
    {
        var body = Encoding.UTF8.GetBytes("--" + Boundary + "\nContent-Disposition: form-data; name=\"q\"\n\n;cat /etc/passwd\n--" + Boundary + "--\n");

        var result = await Run(body);

        Assert.True(result.Outcome.IsRejected);
        Assert.All(result.Findings, f => Assert.Equal("body.q", f.FieldPath));
    }

    // A body that does not open with the declared boundary is read as it is.
    [Fact]
    public async Task BodyWithoutTheBoundary_IsReadWhole()
    {
        var result = await Run(Encoding.UTF8.GetBytes("name=<script>alert(1)</script>"));

        Assert.Equal(ShieldRules.CrossSiteScripting, result.Outcome.Rule);
        Assert.Equal("body", result.Findings[0].FieldPath);
    }

    [Fact]
    public async Task MarkupAsAFieldName_IsBlocked()
    {
        var result = await Run(Body(("<svg onload=alert(1)>", null, "x")));

        Assert.Equal(ShieldRules.CrossSiteScripting, result.Outcome.Rule);
    }

    [Fact]
    public async Task MarkupInAPartContentType_IsBlockedThere()
    {
        var body = Encoding.UTF8.GetBytes("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/html\"><script>alert(1)</script>\r\n\r\nhello\r\n--" + Boundary + "--\r\n");

        var result = await Run(body);

        Assert.Equal("body.f.contentType", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task MorePartsThanKeysPerObject_IsTooManyKeys()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Limits = { MaxKeysPerObject = 8 } });
        var body = Body([.. Enumerable.Range(0, 9).Select(i => ($"f{i}", (string?)null, "x"))]);

        var result = await engine.RunAsync("upload", [new ShieldInput("body", body, InputFormat.MultipartFormData)], http: Upload);

        Assert.Equal(ShieldRules.TooManyKeys, result.Outcome.Rule);
    }

    [Fact]
    public void Read_FindsEachPartsNameFileNameAndContent()
    {
        var body = Body(("a", null, "one"), ("b", "x; y.txt", ""), ("c", null, "three\r\n--not-the-boundary"));

        var parts = MultipartFormData.Read(body, Boundary)!;

        Assert.Equal(["a", "b", "c"], parts.Select(p => p.Name));
        Assert.Equal([null, "x; y.txt", null], parts.Select(p => p.FileName));
        Assert.Equal([null, "text/plain", null], parts.Select(p => p.ContentType));
        Assert.Equal(["one", "", "three\r\n--not-the-boundary"], parts.Select(p => Encoding.UTF8.GetString(body, p.ContentStart, p.ContentLength)));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=abc", "abc")]
    [InlineData("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"", "a b;c")]
    [InlineData("multipart/mixed; boundary=abc", null)]
    [InlineData("application/json", null)]
    [InlineData("multipart/form-data", null)]
    public void Boundary_IsReadFromTheContentType(string contentType, string? expected) =>
        Assert.Equal(expected, MultipartFormData.Boundary(contentType));

    private static Task<InvocationResult> Run(byte[] body) =>
        new TestEngine().RunAsync("upload", [new ShieldInput("body", body, InputFormat.MultipartFormData)], http: Upload);

    private static byte[] Body(params (string Name, string? FileName, string Content)[] parts)
    {
        var builder = new StringBuilder("preamble ignored\r\n");
        foreach (var (name, fileName, content) in parts)
        {
            builder.Append("--").Append(Boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
            {
                builder.Append("; filename=\"").Append(fileName).Append("\"\r\nContent-Type: text/plain");
            }

            builder.Append("\r\n\r\n").Append(content).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.Append("--").Append(Boundary).Append("--\r\n").ToString());
    }

    private static byte[] Concat(string head, byte[] content, string tail) =>
        [.. Encoding.ASCII.GetBytes(head), .. content, .. Encoding.ASCII.GetBytes(tail)];
}
