namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// An idea analysed once so it can be compared with many others cheaply: see
/// <see cref="IdeaSimilarity.Prepare"/>.
/// </summary>
public sealed class IdeaFingerprint
{
    internal IdeaFingerprint(TermVector title, IdeaTerm[] titleTerms, HashSet<long> titleTrigrams, TermVector? whole)
    {
        Title = title;
        TitleTerms = titleTerms;
        TitleTrigrams = titleTrigrams;
        Whole = whole;
        TitleAlternatives = [.. titleTerms.SelectMany(term => IdeaTerms.AlternativeSets(term.Key).Select(set => (set, term.Key)))];
        TitleNegates = titleTerms.Any(term => IdeaTerms.IsNegation(term.Key));
    }

    /// <summary>Weighted terms and word pairs of the title.</summary>
    internal TermVector Title { get; }

    /// <summary>The title's terms, each once, for matching misspelt words.</summary>
    internal IdeaTerm[] TitleTerms { get; }

    /// <summary>The title's terms that have alternatives, with the set of alternatives of each.</summary>
    internal (int Set, string Key)[] TitleAlternatives { get; }

    /// <summary>Whether the title asks to remove, turn off or hide something.</summary>
    internal bool TitleNegates { get; }

    /// <summary>Character trigrams of the title's words.</summary>
    internal HashSet<long> TitleTrigrams { get; }

    /// <summary>Terms of the title and the description together; null when there is no description.</summary>
    internal TermVector? Whole { get; }
}
