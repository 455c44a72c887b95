using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ServerlessShield;

// Field patterns (FieldShieldOptions.Pattern) are the one feature that needs the regular-expression engine, the
// largest piece the shield would otherwise add to a trimmed or Native AOT app (about 600 KB). An app that sets no
// pattern can trim the engine away with a feature switch in its project file:
//   <RuntimeHostConfigurationOption Include="ServerlessShield.FieldPatterns.IsSupported" Value="false" Trim="true" />
// With the switch off, a configured pattern fails options validation at startup: a constraint is never dropped
// silently.
internal static class FieldPatterns
{
    public const string SwitchName = "ServerlessShield.FieldPatterns.IsSupported";

#if NET9_0_OR_GREATER
    [FeatureSwitchDefinition(SwitchName)]
#endif
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var enabled) || enabled;

    // Anchored at both ends, linear-time engine: a pattern from configuration must not cost more than the value's length.
    // The switch is tested here, in the method that builds the engine, so that the trimmer can drop the branch.
    public static ValuePredicate Compile(string pattern)
    {
        if (!IsSupported)
        {
            throw SwitchedOff();
        }

        var regex = new Regex($"^(?:{pattern})\\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        return regex.IsMatch;
    }

    public static NotSupportedException SwitchedOff() =>
        new($"Field patterns are switched off in this app ({SwitchName} is false).");
}
