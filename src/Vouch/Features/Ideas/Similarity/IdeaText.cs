namespace Vouch.Features.Ideas.Similarity;

/// <summary>The words of an idea as someone wrote them: what similarity compares.</summary>
public sealed record IdeaText(string Title, string? Description);
