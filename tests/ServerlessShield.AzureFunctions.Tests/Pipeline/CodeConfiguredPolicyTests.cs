using ServerlessShield.AzureFunctions.Tests.FakeHost;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>ShieldOptions.ForFunction through the real worker: a function without [Shield] shielded by code alone.</summary>
public sealed class CodeConfiguredPolicyTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task ForFunction_MessageWithinItsLimit_RunsTheFunction()
    {
        var message = Data.Unique("short")[..14];

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnConfiguredMessage), "message", Data.String(message), null);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("configured:" + message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task ForFunction_MessageOverItsLimit_FailsWithTheLimitRule()
    {
        var message = Data.Unique("longer-than-sixteen");

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnConfiguredMessage), "message", Data.String(message), null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("configured:" + message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task SanitizeMode_FailsClosed_BecauseBoundArgumentsCannotBeRewritten()
    {
        var message = "<script>" + Data.Unique("s")[..4];

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnConfiguredMessage), "message", Data.String(message), null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1003", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("configured:" + message, SyntheticFunctions.Received);
    }
}
