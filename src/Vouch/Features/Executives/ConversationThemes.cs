using Vouch.Features.Ideas.Similarity;

namespace Vouch.Features.Executives;

/// <summary>What an executive wrote of one conversation that themes are found in (what they learned, the value the customer gets).</summary>
public sealed record ConversationText(Guid ConversationId, string Text);

/// <summary>A word or a phrase of two that several conversations share, and which conversations they are.</summary>
public sealed record ConversationTheme(string Phrase, int Count, IReadOnlyList<Guid> ConversationIds);

/// <summary>
/// The themes that repeat across conversations: the idea board's terms (words stemmed, synonyms and known phrases
/// folded, stop words dropped, words that pad a sentence only as half of a pair), and pairs of terms that follow each other, each counted
/// once per conversation. A theme repeats when at least <see cref="MinConversations"/> conversations share it; a word
/// is left out when a phrase holding it is shared by just as many, since the phrase says more. Shown as most often
/// written; the most shared first, phrases before words at the same count.
/// </summary>
public static class ConversationThemes
{
    public const int MinConversations = 2;

    /// <summary>Terms read of each text at most; a conversation's notes are a few sentences.</summary>
    private const int MaxTerms = 300;

    public static IReadOnlyList<ConversationTheme> Find(IEnumerable<ConversationText> conversations, int max = 10)
    {
        var found = new Dictionary<string, (HashSet<Guid> Conversations, Dictionary<string, int> Surfaces, bool Phrase)>(StringComparer.Ordinal);
        void Add(string key, string surface, Guid conversation, bool phrase)
        {
            if (!found.TryGetValue(key, out var theme))
            {
                found[key] = theme = ([], new Dictionary<string, int>(StringComparer.Ordinal), phrase);
            }
            theme.Conversations.Add(conversation);
            theme.Surfaces[surface] = theme.Surfaces.GetValueOrDefault(surface) + 1;
        }

        foreach (var conversation in conversations)
        {
            var terms = IdeaTerms.Analyze(conversation.Text, MaxTerms);
            for (var i = 0; i < terms.Count; i++)
            {
                // A word that pads a sentence ("data", "system") is no theme alone, but may be half of one ("data migration").
                if (terms[i].Weight >= 1)
                {
                    Add(terms[i].Key, terms[i].Surface, conversation.ConversationId, phrase: terms[i].Surface.Contains(' ', StringComparison.Ordinal));
                }
                if (i + 1 < terms.Count && terms[i].Key != terms[i + 1].Key && Math.Max(terms[i].Weight, terms[i + 1].Weight) >= 1)
                {
                    Add($"{terms[i].Key} {terms[i + 1].Key}", $"{terms[i].Surface} {terms[i + 1].Surface}", conversation.ConversationId, phrase: true);
                }
            }
        }

        var repeated = found.Where(f => f.Value.Conversations.Count >= MinConversations).ToList();
        var pairs = repeated.Where(f => f.Key.Contains(' ', StringComparison.Ordinal)).ToList();
        return [.. repeated
            .Where(f => f.Key.Contains(' ', StringComparison.Ordinal)
                || !pairs.Any(p => p.Value.Conversations.Count == f.Value.Conversations.Count && p.Key.Split(' ').Contains(f.Key)))
            .Select(f => (Theme: new ConversationTheme(
                f.Value.Surfaces.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                f.Value.Conversations.Count,
                [.. f.Value.Conversations.Order()]), f.Value.Phrase))
            .OrderByDescending(t => t.Theme.Count).ThenByDescending(t => t.Phrase).ThenBy(t => t.Theme.Phrase, StringComparer.Ordinal)
            .Take(max)
            .Select(t => t.Theme)];
    }
}
