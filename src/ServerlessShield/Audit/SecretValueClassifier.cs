using System.Buffers;

namespace ServerlessShield;

// Recognises secrets in setting values by shape. Decides only whether a value is secret; the value never leaves here.
internal static class SecretValueClassifier
{
    private static readonly SearchValues<char> KeyChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly string[] SecretConnectionKeys = ["AccountKey", "SharedAccessKey", "Password", "Pwd"];

    // Key Vault references and CloudFormation dynamic references are resolved by the platform: the file holds no secret.
    public static bool IsVaultReference(string value) =>
        value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
        || value.Contains("{{resolve:secretsmanager:", StringComparison.Ordinal)
        || value.Contains("{{resolve:ssm-secure:", StringComparison.Ordinal);

    public static bool HasPrivateKey(string value)
    {
        var begin = value.IndexOf("-----BEGIN", StringComparison.Ordinal);
        return begin >= 0 && value.AsSpan(begin).IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) is > 0 and < 64;
    }

    // Temporary credentials (ASIA...) are what Lambda puts in the environment and are not reported.
    // A key id is AKIA and 16 upper-case letters or digits, standing alone.
    public static bool HasLongTermAwsKey(string value)
    {
        for (var at = value.IndexOf("AKIA", StringComparison.Ordinal); at >= 0; at = value.IndexOf("AKIA", at + 4, StringComparison.Ordinal))
        {
            var end = at + 20;
            if (end <= value.Length && (at == 0 || !IsKeyChar(value[at - 1])) && (end == value.Length || !IsKeyChar(value[end]))
                && value.AsSpan(at + 4, 16).IndexOfAnyExcept(KeyChars) < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    public static string? SecretKind(string value)
    {
        foreach (var part in value.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
            {
                continue;
            }

            var key = part[..equals].Trim();
            foreach (var secretKey in SecretConnectionKeys)
            {
                if (key.Equals(secretKey, StringComparison.OrdinalIgnoreCase))
                {
                    return $"a connection string with {secretKey}";
                }
            }
        }

        // scheme://user:password@host
        if (value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.UserInfo.IndexOf(':') is var colon && colon >= 0 && colon < uri.UserInfo.Length - 1)
        {
            return "a URL with a password";
        }

        return null;
    }
}
