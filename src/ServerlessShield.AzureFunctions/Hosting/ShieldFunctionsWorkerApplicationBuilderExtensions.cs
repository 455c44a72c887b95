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
    /// With the ASP.NET Core integration, use <c>UseServerlessShieldAspNetCore()</c> of the
    /// <c>ServerlessShield.AzureFunctions.AspNetCore</c> package instead, after <c>ConfigureFunctionsWebApplication()</c>;
    /// either mistake fails at host start with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> that says so.
    /// </summary>
    /// <param name="builder">The worker application builder (<c>FunctionsApplication.CreateBuilder</c> or <c>ConfigureFunctionsWorkerDefaults</c>).</param>
    /// <param name="configure">Sets options in code, after configuration is bound.</param>
    /// <param name="configurePipeline">Adds user middlewares to the default shield pipeline.</param>
    /// <param name="configureAzure">Sets the adapter's own options: Event Grid handshakes, inspected headers.</param>
    /// <returns>The builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseServerlessShield(
        this IFunctionsWorkerApplicationBuilder builder,
        Action<ShieldOptions>? configure = null,
        Action<ShieldPipelineBuilder>? configurePipeline = null,
        Action<AzureFunctionsShieldOptions>? configureAzure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AzureFunctionsRules.EnsureRegistered();
        builder.Services.AddServerlessShield(configure, configurePipeline);
        if (configureAzure is not null)
        {
            builder.Services.Configure(configureAzure);
        }

        if (builder.Services.Any(d => d.ServiceType == typeof(ShieldWorkerMiddleware)))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<AzureFunctionsShieldOptions>()
            .Validate(_ => MiddlewareOrder.IsValid(services), MiddlewareOrder.Error)
            .Validate(_ => MiddlewareOrder.HasBodyBufferForAspNetCore(services), MiddlewareOrder.MissingAspNetCorePackage)
            .ValidateOnStart();

        // First among the registered input converters: it notes what the host delivered, so that is what gets inspected.
        services.Configure<WorkerOptions>(options => options.InputConverters.RegisterAt<RawInputCaptureConverter>(0));

        // A concrete registration and an inline Use keep this trim-clean; UseMiddleware<T> is not annotated (IL2091).
        services.AddSingleton<ShieldWorkerMiddleware>();
        services.AddHostedService<ShieldStartupAudit>();
        builder.Use(next => context => context.InstanceServices.GetRequiredService<ShieldWorkerMiddleware>().Invoke(context, next));
        return builder;
    }
}
