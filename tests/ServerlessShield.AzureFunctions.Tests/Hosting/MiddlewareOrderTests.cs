using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServerlessShield.AzureFunctions.Tests.Hosting;

public sealed class MiddlewareOrderTests
{
    [Fact]
    public void IsValid_ProxyingMiddlewareBeforeTheShield_IsValid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<FunctionsHttpProxyingMiddleware>();
        services.AddSingleton<ShieldWorkerMiddleware>();

        Assert.True(MiddlewareOrder.IsValid(services));
    }

    [Fact]
    public void IsValid_ProxyingMiddlewareAfterTheShield_IsInvalid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ShieldWorkerMiddleware>();
        services.AddSingleton<FunctionsHttpProxyingMiddleware>();

        Assert.False(MiddlewareOrder.IsValid(services));
    }

    [Fact]
    public void IsValid_NoAspNetCoreIntegration_IsValid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ShieldWorkerMiddleware>();

        Assert.True(MiddlewareOrder.IsValid(services));
    }

    [Fact]
    public async Task HostStart_ShieldRegisteredBeforeConfigureFunctionsWebApplication_FailsWithAClearError()
    {
        var builder = NewBuilder();
        builder.UseServerlessShieldAspNetCore();
        builder.ConfigureFunctionsWebApplication();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("before ConfigureFunctionsWebApplication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_AspNetCoreIntegrationWithThePlainRegistration_AsksForTheAspNetCorePackage()
    {
        var builder = NewBuilder();
        builder.ConfigureFunctionsWebApplication();
        builder.UseServerlessShield();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("UseServerlessShieldAspNetCore", error.Message, StringComparison.Ordinal);
    }

    private static FunctionsApplicationBuilder NewBuilder()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        // A host endpoint nobody listens on: the worker's services can be built, and the check fails before any connection.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = "w",
            ["Functions:Worker:RequestId"] = "r",
        });
        return builder;
    }

    // Named like the ASP.NET Core integration's internal middleware, which the check knows by name only.
    private sealed class FunctionsHttpProxyingMiddleware;
}
