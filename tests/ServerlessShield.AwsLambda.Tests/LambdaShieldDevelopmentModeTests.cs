using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// HTTP error bodies come from ShieldEngine.CreateErrorResponse: the scrubbed detail in local development only.
[Collection(EnvironmentCollection.Name)]
public sealed class LambdaShieldDevelopmentModeTests
{
    private static LambdaShieldOptions DevelopmentMode() => new() { Shield = { Errors = { DevelopmentMode = true } } };

    private static ShieldedFunction Failing() =>
        new(ShieldedFunction.Throw(new InvalidOperationException("order store down, password=hunter2")), DevelopmentMode());

    [Fact]
    public async Task Wrap_DevelopmentModeLocally_AddsTheScrubbedDetail()
    {
        using var environment = new EnvironmentScope().Set("DOTNET_ENVIRONMENT", "Development")
            .Set("AWS_LAMBDA_FUNCTION_NAME", null).Set("AWS_EXECUTION_ENV", null);

        var response = Fixtures.Parse(await Failing().InvokeAsync(Fixtures.Bytes("apigw-rest")));

        var detail = Fixtures.Parse(response.GetProperty("body").GetString()!).GetProperty("detail").GetString();
        Assert.Contains("order store down", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrap_DevelopmentModeOnLambda_KeepsTheDetailHidden()
    {
        using var environment = new EnvironmentScope().Set("DOTNET_ENVIRONMENT", "Development").Set("AWS_LAMBDA_FUNCTION_NAME", "orders");

        var response = Fixtures.Parse(await Failing().InvokeAsync(Fixtures.Bytes("apigw-rest")));

        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.False(Fixtures.Parse(response.GetProperty("body").GetString()!).TryGetProperty("detail", out _));
    }
}
