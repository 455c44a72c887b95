namespace ServerlessShield;

/// <summary>
/// DOM event names, for recognising an injected <c>on&lt;event&gt;=</c> attribute outside a tag (a quote that breaks out
/// of an attribute value). Inside a tag any <c>on*</c> attribute counts; outside, only real event names do, so a
/// query parameter such as <c>onboarding=1</c> or <c>online=1</c> is not one.
/// </summary>
internal static class EventHandlerNames
{
    private static readonly SortedWordSet Events = SortedWordSet.Parse(
        "abort activate afterprint afterscriptexecute animationcancel animationend animationiteration " +
        "animationstart auxclick beforeactivate beforecopy beforecut beforedeactivate beforeeditfocus " +
        "beforeinput beforepaste beforeprint beforescriptexecute beforetoggle beforeunload begin blur " +
        "bounce cancel canplay canplaythrough change click close contextmenu copy cuechange cut " +
        "dblclick deactivate drag dragend dragenter dragleave dragover dragstart drop durationchange " +
        "emptied end ended error filterchange finish focus focusin focusout formdata fullscreenchange " +
        "hashchange help input invalid keydown keypress keyup load loadeddata loadedmetadata loadend " +
        "loadstart losecapture message mousedown mouseenter mouseleave mousemove mouseout mouseover " +
        "mouseup mousewheel offline online pagehide pageshow paste pause play playing pointercancel " +
        "pointerdown pointerenter pointerleave pointermove pointerout pointerover pointerrawupdate pointerup " +
        "popstate progress propertychange ratechange readystatechange repeat reset resize scroll " +
        "scrollend search securitypolicyviolation seeked seeking select selectionchange selectstart show " +
        "stalled start storage submit suspend timeupdate toggle touchcancel touchend touchmove " +
        "touchstart transitioncancel transitionend transitionrun transitionstart unload volumechange waiting " +
        "webkitanimationend webkitanimationiteration webkitanimationstart webkittransitionend wheel zoom " +
        "webkitplaybacktargetavailabilitychanged webkitmouseforcedown webkitmouseforcechanged message timer rowenter " +
        "rowexit datasetchanged dataavailable errorupdate layoutcomplete move moveend movestart resizeend " +
        "resizestart controlselect mscontentzoom");

    // English words and common parameter names that start with "on" but are not handlers.
    private static readonly SortedWordSet OrdinaryOnWords = SortedWordSet.Parse(
        "online onboarding onboard onion onions onset ongoing onward onwards onsite onscreen " +
        "onstage only ones oneself onto onus onyx oncall onprem onpremise onetime onenote");

    /// <summary>Whether a lower-case on* word is ordinary English or a common parameter name, not an event handler.</summary>
    public static bool IsOrdinaryOnWord(ReadOnlySpan<char> word) => OrdinaryOnWords.Contains(word);

    /// <summary>Whether <paramref name="name"/> (lower case, without the "on") is a DOM event.</summary>
    public static bool IsEvent(ReadOnlySpan<char> name) => Events.Contains(name);

    /// <summary>Whether an attribute name is an event handler: "on" and at least three letters.</summary>
    public static bool IsHandlerAttribute(ReadOnlySpan<char> name)
    {
        // Junk before the name ([a][b]onerror, "onerror) does not stop a lenient parser.
        var start = 0;
        while (start < name.Length && !char.IsAsciiLetter(name[start]))
        {
            start++;
        }

        name = name[start..];
        if (name.Length < 5 || name[0] != 'o' || name[1] != 'n')
        {
            return false;
        }

        var letters = 0;
        while (2 + letters < name.Length && char.IsAsciiLetter(name[2 + letters]))
        {
            letters++;
        }

        return letters >= 3;
    }
}
