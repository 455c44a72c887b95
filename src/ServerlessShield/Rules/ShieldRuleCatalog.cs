using System.Collections.Concurrent;

namespace ServerlessShield;

/// <summary>
/// Every rule known to this process: the built-ins plus those that satellite packages and user detectors register.
/// Options validation checks per-rule settings against it, so a typo in a rule name fails at startup.
/// </summary>
public static class ShieldRuleCatalog
{
    private static readonly ConcurrentDictionary<string, ShieldRule> Rules = Seed();

    /// <summary>Registers a rule so it can be named in configuration.</summary>
    /// <param name="rule">The rule.</param>
    public static void Register(ShieldRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rules.TryAdd(rule.Id, rule);
        Rules.TryAdd(rule.Name, rule);
    }

    /// <summary>Finds a rule by id or name.</summary>
    /// <param name="idOrName">A rule id (<c>SHIELD2001</c>) or name (<c>payload-too-large</c>).</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns>Whether it was found.</returns>
    public static bool TryGet(string idOrName, out ShieldRule? rule) => Rules.TryGetValue(idOrName, out rule);

    /// <summary>Whether a rule id or name is known.</summary>
    /// <param name="idOrName">The id or name.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnown(string idOrName) => Rules.ContainsKey(idOrName);

    /// <summary>Every known rule, in id order.</summary>
    public static IReadOnlyList<ShieldRule> All => [.. Rules.Values.Distinct().OrderBy(r => r.Number)];

    private static ConcurrentDictionary<string, ShieldRule> Seed()
    {
        var rules = new ConcurrentDictionary<string, ShieldRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in ShieldRules.All)
        {
            rules[rule.Id] = rule;
            rules[rule.Name] = rule;
        }

        return rules;
    }
}
