using System.Text;
using System.Text.Json;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

public sealed class LambdaShieldHttpTests
{
    private static LambdaShieldOptions SmallPayloads(int maxBytes = 8) => new() { Handler = new ShieldAttribute { MaxPayloadBytes = maxBytes } };

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("function-url")]
    [InlineData("alb")]
    [InlineData("apigw-websocket")]
    public async Task Wrap_AllowedHttpRequest_ReachesHandlerAndReturnsItsResponseUntouched(string fixture)
    {
        var handlerResponse = new MemoryStream("{\"statusCode\":201,\"body\":\"created\"}"u8.ToArray());
        var function = new ShieldedFunction(_ => Task.FromResult<Stream>(handlerResponse));
        var eventBytes = Fixtures.Bytes(fixture);

        var response = await function.Handler(new MemoryStream(eventBytes), TestLambdaContext.Create());

        Assert.Same(handlerResponse, response);
        Assert.Equal(0, response.Position);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(eventBytes), Assert.Single(function.Received));
    }

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("function-url")]
    [InlineData("apigw-websocket")]
    [InlineData("vpc-lattice-v1")]
    [InlineData("vpc-lattice-v2")]
    public async Task Wrap_OversizeBody_Answers413ProblemJsonWithRequestIdAsCorrelationId(string fixture)
    {
        var function = new ShieldedFunction(options: SmallPayloads());

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.Bytes(fixture), "req-413"));

        Assert.Empty(function.Received);
        Assert.Equal(413, response.GetProperty("statusCode").GetInt32());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
        var headers = response.GetProperty("headers");
        Assert.Equal("application/problem+json", headers.GetProperty("Content-Type").GetString());
        Assert.Equal("no-store", headers.GetProperty("Cache-Control").GetString());
        Assert.Equal("nosniff", headers.GetProperty("X-Content-Type-Options").GetString());
        Assert.Equal("req-413", headers.GetProperty("X-Correlation-Id").GetString());
        var problem = Fixtures.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("Content Too Large", problem.GetProperty("title").GetString());
        Assert.Equal("req-413", problem.GetProperty("correlationId").GetString());
        Assert.False(response.TryGetProperty("statusDescription", out _));
    }

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("alb-multi-value")]
    [InlineData("apigw-websocket")]
    [InlineData("vpc-lattice-v1")]
    [InlineData("vpc-lattice-v2")]
    public async Task Wrap_HandlerThrowsWithSecret_Answers500WithoutSecretOrStack(string fixture)
    {
        var function = new ShieldedFunction(ShieldedFunction.Throw(new InvalidOperationException("db password=hunter2 at Server=db.internal")));

        var text = await function.InvokeAsync(Fixtures.Bytes(fixture), "req-500");

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("db.internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        var response = Fixtures.Parse(text);
        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        var problem = Fixtures.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal("req-500", problem.GetProperty("correlationId").GetString());
        // The full error stays server-side, logged once, with secrets scrubbed.
        var failure = Assert.Single(function.Logs.GetSnapshot(), r => r.Exception is ScrubbedException { OriginalType: "System.InvalidOperationException" });
        Assert.Contains("req-500", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Exception!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrap_AlbSingleValueBlocked_AnswersWithHeadersAndStatusDescription()
    {
        var function = new ShieldedFunction(options: SmallPayloads(4));

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.With("alb", e => e["body"] = "0123456789"), "req-alb"));

        Assert.Equal(413, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("413 Content Too Large", response.GetProperty("statusDescription").GetString());
        Assert.Equal("req-alb", response.GetProperty("headers").GetProperty("X-Correlation-Id").GetString());
        Assert.False(response.TryGetProperty("multiValueHeaders", out _));
    }

    [Fact]
    public async Task Wrap_AlbMultiValueBlocked_AnswersWithMultiValueHeaders()
    {
        var function = new ShieldedFunction(options: SmallPayloads(4));

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.Bytes("alb-multi-value"), "req-alb"));

        Assert.Equal("413 Content Too Large", response.GetProperty("statusDescription").GetString());
        var headers = response.GetProperty("multiValueHeaders");
        Assert.Equal(JsonValueKind.Array, headers.GetProperty("Content-Type").ValueKind);
        Assert.Equal("req-alb", headers.GetProperty("X-Correlation-Id")[0].GetString());
        Assert.False(response.TryGetProperty("headers", out _));
    }

    [Fact]
    public async Task Wrap_InvalidJsonBodyDeclaredJson_Answers400()
    {
        var function = new ShieldedFunction();

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.With("apigw-rest", e => e["body"] = "{\"item\":")));

        Assert.Empty(function.Received);
        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Wrap_Base64Body_IsMeasuredDecoded()
    {
        // {"item":"book"} is 15 bytes decoded and 20 encoded: a 16-byte limit lets it through.
        var function = new ShieldedFunction(options: SmallPayloads(16));

        await function.InvokeAsync(Fixtures.Bytes("apigw-http"));

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_ConcurrentInvocations_EachKeepsItsOwnCorrelationId()
    {
        var function = new ShieldedFunction(options: SmallPayloads());
        var eventBytes = Fixtures.Bytes("apigw-rest");

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => function.InvokeAsync(eventBytes, $"req-{i}"))));

        for (var i = 0; i < responses.Length; i++)
        {
            var headers = Fixtures.Parse(responses[i]).GetProperty("headers");
            Assert.Equal($"req-{i}", headers.GetProperty("X-Correlation-Id").GetString());
        }
    }

    // A browser form upload through API Gateway: a base64 multipart body with a text field and a file. The framing's
    // CRLFs and part headers are not user input (read whole, a text-only upload was CRLF injection); each part is, even
    // beside a binary file (read as one binary body, a short attack in a field was below the length binary runs need).
    [Fact]
    public async Task Wrap_MultipartUploadOfATextFile_ReachesTheHandler()
    {
        var function = new ShieldedFunction();

        await function.InvokeAsync(Upload("Q3 figures", "report.csv", "text/csv", "region,total\r\nnorth,1200\r\n"u8.ToArray()), "req-upload");

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_MultipartUploadWithAShortAttackBesideAPhoto_Answers400()
    {
        var photo = new byte[4096];
        new Random(12).NextBytes(photo);
        var function = new ShieldedFunction();

        var response = Fixtures.Parse(await function.InvokeAsync(Upload(";cat /etc/passwd", "party.jpg", "image/jpeg", photo), "req-upload"));

        Assert.Empty(function.Received);
        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
    }

    private static byte[] Upload(string caption, string fileName, string contentType, byte[] file)
    {
        const string boundary = "----WebKitFormBoundaryQ4cD2xF8";
        byte[] body =
        [
            .. Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n{caption}\r\n"),
            .. Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n"),
            .. file,
            .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"),
        ];
        return Fixtures.With("apigw-rest", e =>
        {
            e["headers"]!["Content-Type"] = "multipart/form-data; boundary=" + boundary;
            e["multiValueHeaders"]!["Content-Type"] = new System.Text.Json.Nodes.JsonArray("multipart/form-data; boundary=" + boundary);
            e["body"] = Convert.ToBase64String(body);
            e["isBase64Encoded"] = true;
        });
    }
}
