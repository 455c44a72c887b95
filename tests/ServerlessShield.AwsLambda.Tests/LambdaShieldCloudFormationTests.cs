using System.Net;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// CloudFormation custom resources: by default a rejection is rethrown (the stack waits for the resource's timeout);
// with ReportCloudFormationFailures the shield answers FAILED on the ResponseURL. The URL is a loopback server here,
// let through by the internal check that stands in for "an https amazonaws.com URL".
public sealed class LambdaShieldCloudFormationTests
{
    private static LambdaShieldOptions Options(bool report, bool allowLoopback = true)
    {
        var options = MarkerDetector.Options(new MarkerDetector("<evil>", ShieldRules.CrossSiteScripting));
        options.ReportCloudFormationFailures = report;
        if (allowLoopback)
        {
            options.CloudFormationResponseUrlCheck = url => url.IsLoopback;
        }

        return options;
    }

    private static byte[] Request(RecordingHttpServer server, string table = "orders", string requestType = "Create") =>
        Fixtures.With("cloudformation", e =>
        {
            e["ResponseURL"] = server.BaseUrl + "presigned?X-Amz-Signature=abc";
            e["RequestType"] = requestType;
            e["ResourceProperties"]!["Table"] = table;
            if (requestType != "Create")
            {
                e["PhysicalResourceId"] = "seed-orders-1";
            }
        });

    [Fact]
    public async Task Wrap_BlockedCustomResourceByDefault_RethrowsAndCallsNothing()
    {
        using var server = new RecordingHttpServer();
        var function = new ShieldedFunction(options: Options(report: false));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Request(server, "<evil>")));

        Assert.Equal(ShieldRules.CrossSiteScripting.Id, error.Code);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Wrap_BlockedCustomResourceWithReporting_AnswersFailedAndCompletes()
    {
        using var server = new RecordingHttpServer();
        var function = new ShieldedFunction(options: Options(report: true));

        var response = await function.InvokeAsync(Request(server, "<evil>"), "req-cfn");

        Assert.Equal(string.Empty, response);
        Assert.Empty(function.Received);
        var put = Assert.Single(server.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("/presigned?X-Amz-Signature=abc", put.PathAndQuery);
        // No content type: the pre-signed URL was signed without one.
        Assert.Null(put.ContentType);
        var body = Fixtures.Parse(put.Body);
        Assert.Equal("FAILED", body.GetProperty("Status").GetString());
        Assert.Equal("Rejected by ServerlessShield (SHIELD1003). Correlation id: req-cfn.", body.GetProperty("Reason").GetString());
        Assert.Equal("req-cfn", body.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("arn:aws:cloudformation:us-east-1:123456789012:stack/orders/5b-2c", body.GetProperty("StackId").GetString());
        Assert.Equal("unique-id-for-create-request", body.GetProperty("RequestId").GetString());
        Assert.Equal("MyCustomResource", body.GetProperty("LogicalResourceId").GetString());
        Assert.Contains(function.Logs.GetSnapshot(), r => r.Id.Name == "LambdaCloudFormationFailureReported");
    }

    [Fact]
    public async Task Wrap_CustomResourceHandlerThrowsWithReporting_AnswersFailedWithoutTheSecret()
    {
        using var server = new RecordingHttpServer();
        var function = new ShieldedFunction(ShieldedFunction.Throw(new InvalidOperationException("seed failed: password=hunter2")), Options(report: true));

        await function.InvokeAsync(Request(server, requestType: "Update"), "req-upd");

        var body = Fixtures.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal("Rejected by ServerlessShield (SHIELD3001). Correlation id: req-upd.", body.GetProperty("Reason").GetString());
        Assert.Equal("seed-orders-1", body.GetProperty("PhysicalResourceId").GetString());
        Assert.DoesNotContain("hunter2", Assert.Single(server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrap_FailedResponseRefused_RethrowsWithoutLoggingTheUrl()
    {
        using var server = new RecordingHttpServer(HttpStatusCode.Forbidden);
        var function = new ShieldedFunction(options: Options(report: true));

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Request(server, "<evil>")));

        Assert.Single(server.Requests);
        var logged = Assert.Single(function.Logs.GetSnapshot(), r => r.Id.Name == "LambdaCloudFormationReportFailed");
        Assert.Contains("403", logged.Message, StringComparison.Ordinal);
        Assert.All(function.Logs.GetSnapshot(), r => Assert.DoesNotContain("X-Amz-Signature", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrap_ResponseUrlNotOnAws_IsNeverCalled()
    {
        using var server = new RecordingHttpServer();
        var function = new ShieldedFunction(options: Options(report: true, allowLoopback: false));

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Request(server, "<evil>")));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Wrap_AllowedCustomResource_ReachesTheHandlerAndNothingIsSent()
    {
        using var server = new RecordingHttpServer();
        var function = new ShieldedFunction(options: Options(report: true));

        await function.InvokeAsync(Request(server));

        Assert.Single(function.Received);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws?X-Amz-Signature=1", true)]
    [InlineData("https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn/x", true)]
    [InlineData("http://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x", false)]
    [InlineData("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com:8443/x", false)]
    [InlineData("https://user:pass@bucket.s3.amazonaws.com/x", false)]
    [InlineData("https://amazonaws.com.attacker.example/x", false)]
    [InlineData("https://attacker.example/?host=.amazonaws.com", false)]
    [InlineData("https://169.254.169.254/latest/meta-data/", false)]
    [InlineData("https://localhost/x", false)]
    public void IsAwsResponseUrl_AcceptsOnlyHttpsAwsHosts(string url, bool allowed) =>
        Assert.Equal(allowed, CloudFormationFailureResponse.IsAwsResponseUrl(new Uri(url)));
}
