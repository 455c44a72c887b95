using Microsoft.Extensions.DependencyInjection;

namespace ServerlessShield.AzureFunctions;

// The ASP.NET Core integration's proxying middleware must run before the shield, or the shield sees no HttpContext
// and its responses bypass the HTTP pipeline. Worker middlewares are registered with a singleton next to their Use
// call, so the service order is the middleware order: checked once every registration is in, at host start.
internal static class MiddlewareOrder
{
    // Internal to the ASP.NET Core extension: known by name only, so this package needs no reference to it.
    private const string ProxyingMiddlewareName = "FunctionsHttpProxyingMiddleware";

    public const string Error =
        "UseServerlessShield() was called before ConfigureFunctionsWebApplication(): the ASP.NET Core integration's " +
        "middleware would run inside the shield, so HTTP responses and request bodies would bypass it. Call " +
        "builder.ConfigureFunctionsWebApplication() first, then builder.UseServerlessShield().";

    public const string MissingAspNetCorePackage =
        "The ASP.NET Core integration (ConfigureFunctionsWebApplication) reads request bodies from a forward-only stream: " +
        "add the ServerlessShield.AzureFunctions.AspNetCore package and call builder.UseServerlessShieldAspNetCore() " +
        "instead of builder.UseServerlessShield(), so the shield can inspect bodies and hand them back to the function.";

    /// <summary>Whether the ASP.NET Core integration, if any, has the body buffer of the ASP.NET Core package.</summary>
    public static bool HasBodyBufferForAspNetCore(IServiceCollection services)
    {
        var proxy = false;
        var buffer = false;
        foreach (var descriptor in services)
        {
            proxy |= descriptor.ServiceType.Name == ProxyingMiddlewareName;
            buffer |= descriptor.ServiceType == typeof(IShieldHttpBodyBuffer);
        }

        return !proxy || buffer;
    }

    public static bool IsValid(IServiceCollection services)
    {
        var shield = -1;
        for (var i = 0; i < services.Count; i++)
        {
            var type = services[i].ServiceType;
            if (type == typeof(ShieldWorkerMiddleware))
            {
                shield = i;
            }
            else if (shield >= 0 && type.Name == ProxyingMiddlewareName)
            {
                return false;
            }
        }

        return true;
    }
}
