using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessShield.AzureFunctions.AspNetCore;

namespace ServerlessShield;

/// <summary>Registers ServerlessShield in an Azure Functions worker that uses the ASP.NET Core integration.</summary>
public static class ShieldAspNetCoreWorkerApplicationBuilderExtensions
{
    /// <summary>
    /// <c>UseServerlessShield</c> for the ASP.NET Core integration: the same shield, with request bodies buffered through
    /// <c>HttpContext</c> so the function (an <c>HttpRequest</c> parameter, model binding) still reads them whole. Call it
    /// after <c>ConfigureFunctionsWebApplication()</c>.
    /// </summary>
    /// <param name="builder">The worker application builder.</param>
    /// <param name="configure">Sets options in code, after configuration is bound.</param>
    /// <param name="configurePipeline">Adds user middlewares to the default shield pipeline.</param>
    /// <param name="configureAzure">Sets the adapter's own options: Event Grid handshakes, inspected headers.</param>
    /// <returns>The builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseServerlessShieldAspNetCore(
        this IFunctionsWorkerApplicationBuilder builder,
        Action<ShieldOptions>? configure = null,
        Action<ShieldPipelineBuilder>? configurePipeline = null,
        Action<AzureFunctionsShieldOptions>? configureAzure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IShieldHttpBodyBuffer, AspNetCoreHttpBodyBuffer>();
        return builder.UseServerlessShield(configure, configurePipeline, configureAzure);
    }
}
