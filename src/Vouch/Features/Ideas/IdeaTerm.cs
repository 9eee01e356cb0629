using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Ideas.Similarity;

namespace Vouch.Features.Ideas;

/// <summary>
/// One search term of an idea (<see cref="IdeaSimilarity.SearchTerms"/> of its title and description): an inverted index
/// in the database, so the ideas that share terms with a typed title are found by index and only they are scored.
/// </summary>
public sealed class IdeaTerm : INotAudited
{
    public const int MaxLength = 64;

    /// <summary>Only this many terms of a long description are indexed; the title's always are.</summary>
    public const int MaxPerIdea = 100;

    public required string Term { get; set; }
    public Guid IdeaId { get; set; }

    public static IEnumerable<IdeaTerm> For(Idea idea) =>
        IdeaSimilarity.SearchTerms(idea.Title)
            .Concat(IdeaSimilarity.SearchTerms(idea.Description))
            .Where(term => term.Length is > 0 and <= MaxLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPerIdea)
            .Select(term => new IdeaTerm { Term = term, IdeaId = idea.Id });
}

internal sealed class IdeaTermConfiguration : IEntityTypeConfiguration<IdeaTerm>
{
    public void Configure(EntityTypeBuilder<IdeaTerm> builder)
    {
        builder.HasKey(t => new { t.Term, t.IdeaId });
        builder.Property(t => t.Term).HasMaxLength(IdeaTerm.MaxLength);
        builder.HasOne<Idea>().WithMany().HasForeignKey(t => t.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.IdeaId);
    }
}
