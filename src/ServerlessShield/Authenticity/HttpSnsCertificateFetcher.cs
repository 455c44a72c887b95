using System.Security.Cryptography.X509Certificates;

namespace ServerlessShield;

/// <summary>The default <see cref="ISnsCertificateFetcher"/>: a GET over https with a short timeout and a size cap.</summary>
public sealed class HttpSnsCertificateFetcher : ISnsCertificateFetcher
{
    private const int MaxCertificateBytes = 64 * 1024;
    // Created on first use: most engines never verify an SNS message.
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(5), MaxResponseContentBufferSize = MaxCertificateBytes });
    private readonly HttpClient? _client;

    /// <summary>Creates a fetcher on a shared client.</summary>
    public HttpSnsCertificateFetcher()
    {
    }

    /// <summary>Creates a fetcher on the given client.</summary>
    /// <param name="client">The client.</param>
    public HttpSnsCertificateFetcher(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<X509Certificate2> FetchAsync(Uri certificateUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificateUrl);
        var pem = await (_client ?? SharedClient.Value).GetStringAsync(certificateUrl, cancellationToken).ConfigureAwait(false);
        return X509Certificate2.CreateFromPem(pem);
    }
}
