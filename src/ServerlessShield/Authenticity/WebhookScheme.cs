namespace ServerlessShield;

/// <summary>How a webhook's HMAC signature is carried.</summary>
public enum WebhookScheme
{
    /// <summary>No webhook signature is checked.</summary>
    None = 0,

    /// <summary>GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    GitHub,

    /// <summary>Stripe: <c>Stripe-Signature: t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, with a timestamp tolerance against replay.</summary>
    Stripe,

    /// <summary>A configurable header, algorithm, prefix and encoding (<see cref="MessageAuthenticityOptions"/>).</summary>
    Generic,
}
