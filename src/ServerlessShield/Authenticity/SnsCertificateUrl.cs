namespace ServerlessShield;

// The only certificate URLs an SNS message may name: https, default port, no credentials, a host
// sns.<region>.amazonaws.com (or .amazonaws.com.cn), a .pem path. Anything else could be an attacker's key.
internal static class SnsCertificateUrl
{
    public static Uri? Validate(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !uri.IsDefaultPort || uri.UserInfo.Length > 0 || !uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal))
        {
            return null;
        }

        var host = uri.IdnHost;
        var rest = host.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? host[..^".amazonaws.com".Length]
            : host.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) ? host[..^".amazonaws.com.cn".Length]
            : null;
        if (rest is null || !rest.StartsWith("sns.", StringComparison.Ordinal))
        {
            return null;
        }

        var region = rest[4..];
        return region.Length is > 0 and < 32 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? uri : null;
    }
}
