using ServerlessShield.Cli.Scanning;

namespace ServerlessShield.Cli.Evaluation;

// Scores the shield on labelled corpora exactly as `scan --values` sees each line: one string field of an HTTP
// JSON body under the chosen profile. An attack counts as detected, a benign line as flagged, when the verdict
// is anything but allow.
internal sealed class CorpusEvaluator(ShieldProfile profile)
{
    private readonly ReplayRunner _runner = new(profile);

    public sealed record Score(string Class, string Source, int Total, int Hits, IReadOnlyList<string> Samples)
    {
        public double Rate => Total == 0 ? 0 : (double)Hits / Total;
    }

    public async Task<Score> ScoreAsync(CorpusReader.Set set, bool keepHits, int samples = 10)
    {
        var hits = 0;
        var kept = new List<string>();
        foreach (var payload in set.Payloads)
        {
            var flagged = (await _runner.RunValueAsync(payload).ConfigureAwait(false)).Verdict != "allow";
            hits += flagged ? 1 : 0;
            if (flagged == keepHits && kept.Count < samples)
            {
                kept.Add(payload);
            }
        }

        return new Score(set.Class, set.Source, set.Payloads.Count, hits, kept);
    }
}
