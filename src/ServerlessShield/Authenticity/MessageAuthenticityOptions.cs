namespace ServerlessShield;

/// <summary>
/// Message authenticity checks of one function, under <c>ServerlessShield:Functions:&lt;name&gt;:Authenticity</c>. Off
/// unless set: each check is opt-in per function. A message that fails a check is blocked (HTTP 401).
/// </summary>
public sealed class MessageAuthenticityOptions
{
    /// <summary>Verifies Amazon SNS message signatures (HTTP(S) subscriptions and Lambda SNS records); <c>SHIELD5301</c>.</summary>
    public bool VerifySnsSignature { get; set; }

    /// <summary>The webhook signature scheme to verify; <c>SHIELD5302</c>, and <c>SHIELD5303</c> for a stale Stripe timestamp. Default: none.</summary>
    public WebhookScheme Webhook { get; set; }

    /// <summary>The webhook's shared secret. Required when <see cref="Webhook"/> is set; keep it in a vault reference, not in a file.</summary>
    public string? Secret { get; set; }

    /// <summary>For <see cref="WebhookScheme.Generic"/>: the header that carries the signature (<c>X-Signature</c>).</summary>
    public string? SignatureHeader { get; set; }

    /// <summary>For <see cref="WebhookScheme.Generic"/>: the HMAC hash, <c>SHA256</c> (default), <c>SHA1</c>, <c>SHA384</c> or <c>SHA512</c>.</summary>
    public string Algorithm { get; set; } = "SHA256";

    /// <summary>For <see cref="WebhookScheme.Generic"/>: a prefix before the signature in the header (<c>sha256=</c>). Default: none.</summary>
    public string? SignaturePrefix { get; set; }

    /// <summary>For <see cref="WebhookScheme.Generic"/>: <c>hex</c> (default) or <c>base64</c>.</summary>
    public string SignatureEncoding { get; set; } = "hex";

    /// <summary>For <see cref="WebhookScheme.Stripe"/>: how far the signed timestamp may be from now, in seconds. Default 300.</summary>
    public int TimestampToleranceSeconds { get; set; } = 300;

    /// <summary>For SNS: how long a fetched signing certificate is kept, in minutes. Default 60.</summary>
    public int CertificateCacheMinutes { get; set; } = 60;

    internal bool IsActive => VerifySnsSignature || Webhook != WebhookScheme.None;
}
