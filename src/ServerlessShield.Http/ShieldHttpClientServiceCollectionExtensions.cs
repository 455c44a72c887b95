using Microsoft.Extensions.DependencyInjection;

namespace ServerlessShield;

/// <summary>Puts the shield's egress control on the clients of <c>IHttpClientFactory</c>.</summary>
public static class ShieldHttpClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ShieldEgressHandler"/> to every client the factory builds (named, typed and default), through
    /// <c>ConfigureHttpClientDefaults</c>: calls to hosts outside the calling function's allowlist
    /// (<see cref="EgressOptions.AllowedHosts"/>, <see cref="FunctionShieldOptions.AllowedHosts"/>) are refused or
    /// reported (<c>SHIELD5201</c>), and every host is recorded for the observed-capabilities report (<c>SHIELD5202</c>).
    /// Registers the shield too, if it is not yet.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddServerlessShieldEgress(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServerlessShield();
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(sp => new ShieldEgressHandler(sp.GetRequiredService<ShieldEngine>())));
        return services;
    }
}
