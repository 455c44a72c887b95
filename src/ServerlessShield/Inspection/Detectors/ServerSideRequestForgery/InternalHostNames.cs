namespace ServerlessShield;

/// <summary>
/// Host names that resolve to this machine, the container host, the cluster or a cloud metadata service, and the
/// wildcard-DNS services that turn an address written inside a name back into that address (DNS rebinding helpers).
/// </summary>
internal static class InternalHostNames
{
    // Exact names: loopback aliases from /etc/hosts, container and orchestrator gateways, metadata services.
    private static readonly SortedWordSet Exact = SortedWordSet.Parse(
        "localhost localhost.localdomain localhost4 localhost4.localdomain4 localhost6 localhost6.localdomain6 " +
        "ip6-localhost ip6-loopback ipv6-localhost ipv6-loopback loopback " +
        "host.docker.internal gateway.docker.internal kubernetes.docker.internal host.containers.internal " +
        "kubernetes.default kubernetes.default.svc " +
        "metadata metadata.google.internal metadata.goog instance-data instance-data.ec2.internal " +
        "metadata.packet.net metadata.platformequinix.com rancher-metadata metadata.tencentyun.com " +
        "localtest.me lvh.me vcap.me fuf.me localh.st lacolhost.com");

    // Reserved or conventionally private suffixes (RFC 6761 .localhost, ICANN's .internal, mDNS .local, k8s .svc).
    private static readonly string[] PrivateSuffixes =
    [
        ".localhost", ".internal", ".local", ".localdomain", ".svc", ".home.arpa", ".intranet", ".corp", ".lan",
        ".localtest.me", ".lvh.me", ".vcap.me", ".fuf.me",
    ];

    // Wildcard-DNS services that answer with the address spelled in the name, in dotted, dashed or hex form.
    private static readonly string[] RebindingServices =
    [
        ".nip.io", ".xip.io", ".sslip.io", ".xip.name", ".nip.direct", ".traefik.me", ".rbndr.us", ".1u.ms", ".backname.io", ".localdomain.pw",
    ];

    // The last labels of all those suffixes (localhost, internal, io, me...): a name ending in another label (com,
    // net, a country code) matches none of them, whatever comes before.
    private static readonly SortedWordSet SuffixLastLabels = new([.. LastLabels(PrivateSuffixes), .. LastLabels(RebindingServices)]);

    /// <summary>Whether a lower-cased domain name (not an address literal) names an internal host.</summary>
    /// <param name="host">The lower-cased name, without port or trailing dot.</param>
    /// <param name="singleLabelIsInternal">Whether a dotless name counts as internal (true inside a URL, where it is resolved through the local search domains).</param>
    public static bool IsInternal(ReadOnlySpan<char> host, bool singleLabelIsInternal)
    {
        if (Exact.Contains(host))
        {
            return true;
        }

        // Every suffix below starts with a dot, and an address written inside a name needs three separators: a
        // single label (an id, a code, a word) is settled by the two checks before them.
        var dots = host.Count('.');
        if (dots == 0)
        {
            return (singleLabelIsInternal && host.IndexOfAnyInRange('a', 'z') >= 0)
                || (host.Count('-') >= 3 && ContainsInternalDottedOrDashedAddress(host));
        }

        var knownLastLabel = SuffixLastLabels.Contains(host[(host.LastIndexOf('.') + 1)..]);
        foreach (var suffix in knownLastLabel ? PrivateSuffixes : [])
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if ((dots >= 3 || host.Count('-') >= 3) && ContainsInternalDottedOrDashedAddress(host))
        {
            return true;
        }

        foreach (var suffix in knownLastLabel ? RebindingServices : [])
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return ContainsInternalHexLabel(host[..^suffix.Length]);
            }
        }

        return false;
    }

    private static string[] LastLabels(string[] suffixes)
    {
        var labels = new string[suffixes.Length];
        for (var i = 0; i < suffixes.Length; i++)
        {
            labels[i] = suffixes[i][(suffixes[i].LastIndexOf('.') + 1)..];
        }

        return labels;
    }

    // 127.0.0.1.nip.io, app-10-0-0-1.sslip.io, make-1.2.3.4-rebind-127.0.0.1-rr.1u.ms: an internal dotted-decimal
    // address written inside a longer name is what wildcard DNS and rebinding services resolve.
    private static bool ContainsInternalDottedOrDashedAddress(ReadOnlySpan<char> host)
    {
        for (var i = 0; i < host.Length; i++)
        {
            if (!char.IsAsciiDigit(host[i]) || (i > 0 && char.IsAsciiLetterOrDigit(host[i - 1])))
            {
                continue;
            }

            if (TryQuad(host, i, '.', out var dotted) && InternalAddressRanges.IsInternal(dotted))
            {
                return true;
            }

            if (TryQuad(host, i, '-', out var dashed) && InternalAddressRanges.IsInternal(dashed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryQuad(ReadOnlySpan<char> s, int start, char separator, out uint value)
    {
        value = 0;
        var i = start;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= s.Length || s[i] != separator)
                {
                    return false;
                }

                i++;
            }

            var digits = 0;
            uint b = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && digits < 4)
            {
                b = (b * 10) + (uint)(s[i] - '0');
                i++;
                digits++;
            }

            if (digits is 0 or > 3 || b > 255)
            {
                return false;
            }

            value = (value << 8) | b;
        }

        // The address must end at a label boundary, not run into more digits.
        return i == s.Length || !char.IsAsciiDigit(s[i]);
    }

    // 7f000001.rbndr.us: rebinding services also take the address as eight hex digits.
    private static bool ContainsInternalHexLabel(ReadOnlySpan<char> labels)
    {
        while (!labels.IsEmpty)
        {
            var dot = labels.IndexOf('.');
            var label = dot < 0 ? labels : labels[..dot];
            if (label.Length == 8 && uint.TryParse(label, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var a)
                && InternalAddressRanges.IsInternal(a))
            {
                return true;
            }

            labels = dot < 0 ? default : labels[(dot + 1)..];
        }

        return false;
    }
}
