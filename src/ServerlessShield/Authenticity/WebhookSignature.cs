using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessShield;

// The HMAC arithmetic of the three webhook schemes. Signatures are decoded to bytes and compared with
// CryptographicOperations.FixedTimeEquals, so the time taken says nothing about how much of a guess was right.
internal static class WebhookSignature
{
    public const string GitHubHeader = "X-Hub-Signature-256";
    public const string StripeHeader = "Stripe-Signature";

    public static string HeaderFor(MessageAuthenticityOptions settings) => settings.Webhook switch
    {
        WebhookScheme.GitHub => GitHubHeader,
        WebhookScheme.Stripe => StripeHeader,
        _ => settings.SignatureHeader ?? "X-Signature",
    };

    // Null when valid, else (rule, code).
    public static (ShieldRule Rule, string Code)? Verify(MessageAuthenticityOptions settings, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return (ShieldRules.WebhookSignatureInvalid, "missing-signature");
        }

        var secret = Encoding.UTF8.GetBytes(settings.Secret ?? string.Empty);
        return settings.Webhook switch
        {
            WebhookScheme.GitHub => Matches(HashAlgorithmName.SHA256, secret, body, header, "sha256=", hex: true) ? null : (ShieldRules.WebhookSignatureInvalid, "signature-mismatch"),
            WebhookScheme.Stripe => VerifyStripe(secret, header, body, now, settings.TimestampToleranceSeconds),
            _ => Matches(AlgorithmOf(settings.Algorithm), secret, body, header, settings.SignaturePrefix ?? string.Empty,
                hex: !string.Equals(settings.SignatureEncoding, "base64", StringComparison.OrdinalIgnoreCase))
                ? null : (ShieldRules.WebhookSignatureInvalid, "signature-mismatch"),
        };
    }

    public static HashAlgorithmName AlgorithmOf(string? name) => name?.ToUpperInvariant() switch
    {
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA384" => HashAlgorithmName.SHA384,
        "SHA512" => HashAlgorithmName.SHA512,
        "SHA256" or null => HashAlgorithmName.SHA256,
        _ => default,
    };

    public static byte[] Mac(HashAlgorithmName algorithm, byte[] secret, ReadOnlySpan<byte> data)
    {
        if (algorithm == HashAlgorithmName.SHA1)
        {
#pragma warning disable CA5350 // Some webhook senders still sign with HMAC-SHA1; the sender chooses, the operator opts in.
            return HMACSHA1.HashData(secret, data);
#pragma warning restore CA5350
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return HMACSHA384.HashData(secret, data);
        }

        return algorithm == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(secret, data) : HMACSHA256.HashData(secret, data);
    }

    private static bool Matches(HashAlgorithmName algorithm, byte[] secret, ReadOnlySpan<byte> body, string header, string prefix, bool hex)
    {
        var value = header.Trim();
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || Decode(value[prefix.Length..], hex) is not { } given)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(algorithm, secret, body), given);
    }

    // Stripe-Signature: t=1492774577,v1=<hex>,v1=<hex>,v0=<hex>. The signed payload is "<t>.<body>"; any v1 may match.
    private static (ShieldRule Rule, string Code)? VerifyStripe(byte[] secret, string header, ReadOnlySpan<byte> body, DateTimeOffset now, int toleranceSeconds)
    {
        long? timestamp = null;
        var candidates = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && Decode(value, hex: true) is { } signature)
            {
                candidates.Add(signature);
            }
        }

        if (timestamp is null || candidates.Count == 0)
        {
            return (ShieldRules.WebhookSignatureInvalid, "malformed-signature");
        }

        var prefix = Encoding.ASCII.GetBytes(timestamp.Value.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(secret, signed);
        var matched = false;
        foreach (var candidate in candidates)
        {
            matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
        }

        if (!matched)
        {
            return (ShieldRules.WebhookSignatureInvalid, "signature-mismatch");
        }

        // Checked after the signature, so a stale but genuine message is told apart from a forged one.
        var age = Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value);
        return age > toleranceSeconds ? (ShieldRules.WebhookTimestampOutOfTolerance, "timestamp-out-of-tolerance") : null;
    }

    private static byte[]? Decode(string value, bool hex)
    {
        try
        {
            return hex ? Convert.FromHexString(value) : Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
