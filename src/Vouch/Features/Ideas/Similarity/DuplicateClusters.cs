namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// Groups ideas that are likely duplicates of each other: two ideas called duplicates are in one group, and so are
/// ideas linked through others ("SSO with Okta" like "Single sign-on", which is like "SAML login"). Pure.
/// </summary>
public static class DuplicateClusters
{
    /// <summary>The groups of two or more among <paramref name="ideas"/> that <paramref name="duplicates"/> link, each in the order given.</summary>
    public static IReadOnlyList<IReadOnlyList<Guid>> Of(IReadOnlyList<Guid> ideas, IEnumerable<(Guid A, Guid B)> duplicates)
    {
        ArgumentNullException.ThrowIfNull(ideas);
        ArgumentNullException.ThrowIfNull(duplicates);
        var position = ideas.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var parent = Enumerable.Range(0, ideas.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                (parent[i], i) = (parent[parent[i]], parent[i]);
            }
            return i;
        }
        foreach (var (a, b) in duplicates)
        {
            if (position.TryGetValue(a, out var i) && position.TryGetValue(b, out var j))
            {
                // The group is known by its earliest member, so each keeps the order given.
                var (first, second) = (Root(i), Root(j));
                parent[Math.Max(first, second)] = Math.Min(first, second);
            }
        }
        return [.. Enumerable.Range(0, ideas.Count).GroupBy(Root).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<Guid>)[.. g.Select(i => ideas[i])])];
    }
}
