using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ServerlessShield;

/// <summary>
/// Verifies Amazon SNS message signatures for functions that opt in (<see cref="MessageAuthenticityOptions.VerifySnsSignature"/>):
/// the body of an HTTP(S) subscription, or every <c>Sns</c> record of a Lambda event. SignatureVersion 1 (SHA1withRSA) and
/// 2 (SHA256withRSA); the certificate URL must be https on an <c>sns.&lt;region&gt;.amazonaws.com</c> host; certificates
/// are fetched through an <see cref="ISnsCertificateFetcher"/> and cached. A message that fails is a finding of
/// <c>SHIELD5301</c>, blocked with 401; the handler never sees it.
/// </summary>
public sealed class SnsSignatureMiddleware : IShieldMiddleware
{
    private const int MaxCachedCertificates = 64;
    private readonly ISnsCertificateFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (Task<X509Certificate2> Certificate, DateTimeOffset Expires)> _certificates = new(StringComparer.Ordinal);

    /// <summary>Creates the middleware.</summary>
    /// <param name="fetcher">Fetches signing certificates; null fetches over https.</param>
    /// <param name="timeProvider">The clock; null uses the system clock.</param>
    public SnsSignatureMiddleware(ISnsCertificateFetcher? fetcher = null, TimeProvider? timeProvider = null)
    {
        _fetcher = fetcher ?? new HttpSnsCertificateFetcher();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Where an adapter puts the raw JSON of each SNS message it found in a non-HTTP event (a Lambda <c>Records[].Sns</c>
    /// object), so this middleware can verify them.
    /// </summary>
    public static ShieldPropertyKey<List<ReadOnlyMemory<byte>>> MessagesKey { get; } = new("shield.sns-messages");

    /// <inheritdoc />
    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Policy.Authenticity is not { VerifySnsSignature: true } settings)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var messages = Messages(context);
        if (messages.Count == 0)
        {
            context.Report(ShieldRules.SnsSignatureInvalid, "body", code: "no-sns-message");
        }

        for (var i = 0; i < messages.Count && !context.Outcome.IsRejected; i++)
        {
            var path = context.IsHttp ? "body" : $"Records[{i}].Sns";
            if (await VerifyAsync(messages[i], settings, context.CancellationToken).ConfigureAwait(false) is { } failure)
            {
                context.Report(ShieldRules.SnsSignatureInvalid, path, code: failure);
            }
        }

        if (!context.Outcome.IsRejected)
        {
            await next(context).ConfigureAwait(false);
        }
    }

    private static List<ReadOnlyMemory<byte>> Messages(ShieldContext context)
    {
        if (context.TryGetProperty(MessagesKey, out var found) && found is { Count: > 0 })
        {
            return found;
        }

        return context.IsHttp ? [context.Inputs.FirstOrDefault(i => i.Path == "body")?.Data ?? ReadOnlyMemory<byte>.Empty] : [];
    }

    // Null when the message verifies, else a short code for the finding.
    private async ValueTask<string?> VerifyAsync(ReadOnlyMemory<byte> json, MessageAuthenticityOptions settings, CancellationToken cancellationToken)
    {
        var message = SnsStringToSign.Parse(json);
        if (message is null)
        {
            return "not-an-sns-message";
        }

        var hash = message.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => default,
        };
        if (hash == default)
        {
            return "unsupported-signature-version";
        }

        if (SnsCertificateUrl.Validate(message.SigningCertUrl) is not { } url)
        {
            return "untrusted-certificate-url";
        }

        var text = message.Build();
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(message.Signature ?? string.Empty);
        }
        catch (FormatException)
        {
            return "malformed-signature";
        }

        if (text is null || signature.Length == 0)
        {
            return "missing-field";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = await GetCertificateAsync(url, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or CryptographicException or TaskCanceledException or IOException)
        {
            return "certificate-unavailable";
        }

        var now = _time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return "certificate-expired";
        }

        using var key = certificate.GetRSAPublicKey();
        return key is not null && key.VerifyData(Encoding.UTF8.GetBytes(text), signature, hash, RSASignaturePadding.Pkcs1) ? null : "signature-mismatch";
    }

    private async Task<X509Certificate2> GetCertificateAsync(Uri url, MessageAuthenticityOptions settings, CancellationToken cancellationToken)
    {
        var key = url.AbsoluteUri;
        var now = _time.GetUtcNow();
        if (_certificates.TryGetValue(key, out var cached) && cached.Expires > now && !cached.Certificate.IsFaulted && !cached.Certificate.IsCanceled)
        {
            return await cached.Certificate.ConfigureAwait(false);
        }

        if (_certificates.Count >= MaxCachedCertificates)
        {
            // Only AWS hosts pass the URL check, so this is a handful of regions; clear rather than grow.
            _certificates.Clear();
        }

        var fetch = _fetcher.FetchAsync(url, cancellationToken);
        _certificates[key] = (fetch, now.AddMinutes(Math.Max(1, settings.CertificateCacheMinutes)));
        try
        {
            return await fetch.ConfigureAwait(false);
        }
        catch
        {
            _certificates.TryRemove(key, out _);
            throw;
        }
    }
}
