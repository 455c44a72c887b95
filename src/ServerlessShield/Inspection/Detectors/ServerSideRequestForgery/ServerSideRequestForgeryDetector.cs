namespace ServerlessShield;

/// <summary>
/// Flags URLs that make the server call itself, its network or a cloud metadata service: the URL's authority is
/// parsed by hand and every host a client might pick (userinfo and backslash tricks included) is classified; IPs
/// are read in every inet_aton notation and IPv6 form. A bare address is not a URL and is left alone.
/// </summary>
internal sealed class ServerSideRequestForgeryDetector : IInjectionDetector
{
    // Schemes that exist to smuggle raw bytes to arbitrary TCP/UDP services or read local resources, whatever the host.
    private static readonly SortedWordSet SmugglingSchemes = SortedWordSet.Parse(
        "gopher dict tftp netdoc jar file local_file phar expect");

    private static readonly UrlAuthorityFinder.HostCheck InternalTarget = IsInternalTarget;

    public ShieldRule Rule => ShieldRules.ServerSideRequestForgery;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.IndexOf(':') >= 0 && UrlAuthorityFinder.Any(value, InternalTarget))
        {
            return true;
        }

        return SchemelessHost.AnyInternalHost(value);
    }

    private static bool IsInternalTarget(ReadOnlySpan<char> scheme, ReadOnlySpan<char> candidate, bool singleLabelIsInternal) =>
        SmugglingSchemes.Contains(scheme) || UrlHostClassifier.IsInternal(candidate, singleLabelIsInternal);
}
