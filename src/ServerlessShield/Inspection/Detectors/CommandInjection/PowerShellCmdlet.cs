namespace ServerlessShield;

/// <summary>PowerShell cmdlets an attacker invokes (Verb-Noun with a known verb and noun), as opposed to English compounds such as Add-On or Write-Off.</summary>
internal static class PowerShellCmdlet
{
    private static readonly SortedWordSet Verbs = SortedWordSet.Parse(
        "invoke get set new remove start stop add write out test copy move import export " +
        "convertto convertfrom clear register enable disable expand compress restart resolve send " +
        "enter install select where foreach iex read");

    private static readonly SortedWordSet Nouns = SortedWordSet.Parse(
        "expression webrequest restmethod content process object item childitem itemproperty service " +
        "wmiobject ciminstance cimmethod localuser localgroupmember executionpolicy mppreference command " +
        "sleep variable alias nettcpconnection clipboard scheduledtask location acl credential host " +
        "filehash archive module psdrive pssession history eventlog winevent computer job string " +
        "securestring bitstransfer dnsclientcache netipaddress netfirewallprofile itemproperty psreadlineoption " +
        "file printer hotfix acl objectevent webserviceproxy uploadstring downloadstring");

    public static bool Is(ReadOnlySpan<char> word)
    {
        var dash = word.IndexOf('-');
        return dash > 0 && dash < word.Length - 1 && Verbs.Contains(word[..dash]) && Nouns.Contains(word[(dash + 1)..]);
    }
}
