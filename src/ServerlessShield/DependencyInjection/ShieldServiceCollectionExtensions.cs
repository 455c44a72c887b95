using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServerlessShield;

/// <summary>Registers the shield's core services.</summary>
public static class ShieldServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shield: options bound from the <c>ServerlessShield</c> configuration section (unknown keys are an
    /// error) and validated at startup, the engine, and any pipeline changes. Calling it again only adds configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code, after configuration is bound.</param>
    /// <param name="configurePipeline">Adds user middlewares to the default pipeline.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddServerlessShield(
        this IServiceCollection services,
        Action<ShieldOptions>? configure = null,
        Action<ShieldPipelineBuilder>? configurePipeline = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(ShieldEngine)))
        {
            services.AddOptions<ShieldOptions>().ValidateOnStart();
            services.AddSingleton<IConfigureOptions<ShieldOptions>>(sp => new ConfigureNamedOptions<ShieldOptions>(
                Options.DefaultName,
                options => sp.GetService<IConfiguration>()?.GetSection(ShieldOptions.SectionName)
                    .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true)));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShieldOptions>, ShieldOptionsValidator>());
            services.AddSingleton<ShieldEngine>();
            services.AddSingleton<IFunctionAudit>(sp => sp.GetRequiredService<ShieldEngine>().Audit);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (configurePipeline is not null)
        {
            services.AddSingleton(new ShieldPipelineConfiguration(configurePipeline));
        }

        return services;
    }
}
