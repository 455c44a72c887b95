namespace ServerlessShield;

// The detectors skip a check when the value lacks a character or word the check cannot match without (a handler
// needs '=', a script URL its ':'). Each shortcut must be a necessary condition, never a heuristic: a test turns
// them all off and compares every verdict on the public corpora and on generated strings.
internal static class DetectorShortcuts
{
    public static bool Enabled { get; set; } = true;
}
