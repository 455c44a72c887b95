using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions;

namespace ServerlessShield;

/// <summary>Registers ServerlessShield in an Azure Functions isolated worker.</summary>
public static class ShieldFunctionsWorkerApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the shield to the worker: the core services (options bound from the <c>ServerlessShield</c> configuration
    /// section and validated at startup) and a worker middleware that shields every function that opts in with
    /// <see cref="ShieldAttribute"/> or <see cref="ShieldOptions.ForFunction"/>. Calling it again only adds configuration.
    /// With the ASP.NET Core integration, call it after <c>ConfigureFunctionsWebApplication()</c>.
    /// </summary>
    /// <param name="builder">The worker application builder (<c>FunctionsApplication.CreateBuilder</c> or <c>ConfigureFunctionsWorkerDefaults</c>).</param>
    /// <param name="configure">Sets options in code, after configuration is bound.</param>
    /// <param name="configurePipeline">Adds user middlewares to the default shield pipeline.</param>
    /// <returns>The builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseServerlessShield(
        this IFunctionsWorkerApplicationBuilder builder,
        Action<ShieldOptions>? configure = null,
        Action<ShieldPipelineBuilder>? configurePipeline = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServerlessShield(configure, configurePipeline);
        if (builder.Services.Any(d => d.ServiceType == typeof(ShieldWorkerMiddleware)))
        {
            return builder;
        }

        // A concrete registration and an inline Use keep this trim-clean; UseMiddleware<T> is not annotated (IL2091).
        builder.Services.AddSingleton<ShieldWorkerMiddleware>();
        builder.Services.AddHostedService<ShieldStartupAudit>();
        builder.Use(next => context => context.InstanceServices.GetRequiredService<ShieldWorkerMiddleware>().Invoke(context, next));
        return builder;
    }
}
