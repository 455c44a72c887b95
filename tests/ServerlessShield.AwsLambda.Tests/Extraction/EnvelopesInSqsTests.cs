using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Extraction;

// SNS -> SQS fan-out and S3 -> SQS notifications: the SQS body carries the other service's envelope as JSON text.
// The inspector reads JSON inside strings, so findings name the field inside the envelope, tied to the SQS record.
// Marker detectors stand in for the injection detectors: these tests are about paths and records.
public sealed class EnvelopesInSqsTests
{
    private static byte[] SqsWithBody(string body) => Fixtures.With("sqs", e =>
    {
        var record = e["Records"]![0]!.DeepClone();
        record["body"] = body;
        e["Records"] = new JsonArray(record);
    });

    private static string SnsEnvelope(string message) => new JsonObject
    {
        ["Type"] = "Notification",
        ["MessageId"] = "d88d4479-6ec0-54fe-b63f-1cf9df4bb16e",
        ["TopicArn"] = "arn:aws:sns:eu-west-1:123456789012:orders",
        ["Subject"] = "order",
        ["Message"] = message,
        ["Timestamp"] = "2021-01-19T10:07:07.287Z",
        ["SignatureVersion"] = "1",
        ["Signature"] = "tEo2i6Lw6/Dr7Jdlulh0sXgnkF0idd3hqs8QZCorQpzkIWVOuu583NT0Gv0epuZD1Bo+tex6NgP5p6415yNVujGHJKnkrA9ztzXaVgFiol8rf8AFGQ==",
        ["SigningCertURL"] = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-010a507c1833636cd94bdb98bd93083a.pem",
        ["UnsubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:123456789012:orders:15189ad7",
    }.ToJsonString();

    private static string S3Notification(string key)
    {
        var record = Fixtures.Node("s3")["Records"]![0]!.DeepClone();
        record["s3"]!["object"]!["key"] = key;
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString();
    }

    // markers: false runs the default inspection, so an envelope's platform fields (signatures, URLs, IP addresses)
    // are checked against every built-in limit and detector for false positives.
    private static async Task<(CapturedInvocation Seen, string Response, ShieldedFunction Function)> InvokeAsync(byte[] eventBytes, bool markers = true)
    {
        var captured = new List<CapturedInvocation>();
        var options = !markers ? new LambdaShieldOptions() : MarkerDetector.Options(
            new MarkerDetector("<evil>", ShieldRules.CrossSiteScripting),
            new MarkerDetector("../", ShieldRules.PathTraversal));
        var function = new ShieldedFunction(options: CapturedInvocation.Capture(captured, options));
        var response = await function.InvokeAsync(eventBytes);
        return (Assert.Single(captured), response, function);
    }

    [Fact]
    public async Task Wrap_SnsEnvelopeInSqs_IsAllowedWithItsPlatformFields()
    {
        var (seen, _, function) = await InvokeAsync(SqsWithBody(SnsEnvelope("{\"message\": \"hello world\", \"username\": \"lessa\"}")), markers: false);

        Assert.Empty(seen.Findings);
        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_SnsMessageWithJsonInjection_RejectsTheSqsRecordAndNamesTheFieldInsideTheMessage()
    {
        var (seen, response, function) = await InvokeAsync(SqsWithBody(SnsEnvelope("{\"username\":\"x<evil>\"}")));

        var finding = Assert.Single(seen.Findings);
        Assert.Equal(ShieldRules.CrossSiteScripting, finding.Rule);
        Assert.Equal("Records[0].body.Message.username", finding.FieldPath);
        Assert.Equal(Fixtures.Node("sqs")["Records"]![0]!["messageId"]!.GetValue<string>(), finding.ItemId);
        Assert.Empty(function.Received);
        Assert.Contains(finding.ItemId!, response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrap_SnsMessageAsPlainText_IsInspectedAsOneValue()
    {
        var (seen, _, _) = await InvokeAsync(SqsWithBody(SnsEnvelope("hello <evil> world")));

        var finding = Assert.Single(seen.Findings);
        Assert.Equal(ShieldRules.CrossSiteScripting, finding.Rule);
        Assert.Equal("Records[0].body.Message", finding.FieldPath);
    }

    [Fact]
    public async Task Wrap_S3NotificationInSqs_IsAllowedWithItsPlatformFields()
    {
        var (seen, _, function) = await InvokeAsync(SqsWithBody(S3Notification("photos/2024/cat+picture.jpg")), markers: false);

        Assert.Empty(seen.Findings);
        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_S3NotificationInSqsWithTraversalKey_NamesTheKeyInsideTheBody()
    {
        var (seen, _, function) = await InvokeAsync(SqsWithBody(S3Notification("..%2F..%2F..%2Fetc%2Fpasswd")));

        var finding = Assert.Single(seen.Findings);
        Assert.Equal(ShieldRules.PathTraversal, finding.Rule);
        Assert.Equal("Records[0].body.Records[0].s3.object.key", finding.FieldPath);
        Assert.Empty(function.Received);
    }
}
