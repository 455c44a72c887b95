using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServerlessShield.AzureFunctions.Tests.Hosting;

public sealed class UseServerlessShieldTests
{
    [Fact]
    public void UseServerlessShield_CalledTwice_RegistersTheMiddlewareOnce()
    {
        var uses = 0;
        IServiceCollection? services = null;
        new HostBuilder().ConfigureFunctionsWorkerDefaults((IFunctionsWorkerApplicationBuilder worker) =>
        {
            var counting = new CountingBuilder(worker, () => uses++);
            counting.UseServerlessShield();
            counting.UseServerlessShield(o => o.RequireOptIn = false);
            services = worker.Services;
        }).Build().Dispose();

        Assert.Equal(1, uses);
        Assert.Single(services!, d => d.ServiceType == typeof(ShieldWorkerMiddleware));
        Assert.Single(services!, d => d.ServiceType == typeof(ShieldEngine));
    }

    [Fact]
    public void UseServerlessShield_RegistersTheEngine()
    {
        using var host = new HostBuilder().ConfigureFunctionsWorkerDefaults((IFunctionsWorkerApplicationBuilder worker) => worker.UseServerlessShield()).Build();

        Assert.NotNull(host.Services.GetService<ShieldEngine>());
        Assert.NotNull(host.Services.GetService<ShieldWorkerMiddleware>());
    }

    private sealed class CountingBuilder(IFunctionsWorkerApplicationBuilder inner, Action onUse) : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services => inner.Services;

        public IFunctionsWorkerApplicationBuilder Use(Func<Microsoft.Azure.Functions.Worker.Middleware.FunctionExecutionDelegate, Microsoft.Azure.Functions.Worker.Middleware.FunctionExecutionDelegate> middleware)
        {
            onUse();
            return inner.Use(middleware);
        }
    }
}
