using System.Security.Cryptography.X509Certificates;

namespace ServerlessShield;

/// <summary>
/// Fetches the certificate an SNS message names in <c>SigningCertURL</c>. The shield checks the URL (https, an
/// <c>sns.&lt;region&gt;.amazonaws.com</c> host) before it asks, and caches what comes back. Replace it to fetch
/// through a proxy, or in tests.
/// </summary>
public interface ISnsCertificateFetcher
{
    /// <summary>Fetches and parses the certificate.</summary>
    /// <param name="certificateUrl">The checked https URL.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    /// <returns>The certificate.</returns>
    Task<X509Certificate2> FetchAsync(Uri certificateUrl, CancellationToken cancellationToken);
}
