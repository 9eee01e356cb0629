using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Ideas.Ranking;

namespace Vouch.Features.Ideas;

/// <summary>
/// An idea's demand among the voters of one facet (a segment, an industry, or both; see <see cref="DemandFacets"/>),
/// kept up to date with every vote so the board sorts and filters by it through an index.
/// </summary>
public sealed class IdeaDemand : INotAudited
{
    public Guid IdeaId { get; set; }
    public required string Facet { get; set; }
    public int Voters { get; set; }
    public int Accounts { get; set; }
    public double Revenue { get; set; }
    public double GrossProfit { get; set; }

    public Demand Demand
    {
        get => new(Voters, Accounts, Revenue, GrossProfit);
        set => (Voters, Accounts, Revenue, GrossProfit) = (value.Voters, value.Accounts, value.Revenue, value.GrossProfit);
    }
}

internal sealed class IdeaDemandConfiguration : IEntityTypeConfiguration<IdeaDemand>
{
    public void Configure(EntityTypeBuilder<IdeaDemand> builder)
    {
        builder.HasKey(d => new { d.IdeaId, d.Facet });
        builder.Property(d => d.Facet).HasMaxLength(DemandFacets.MaxLength);
        builder.Ignore(d => d.Demand);
        builder.HasOne<Idea>().WithMany().HasForeignKey(d => d.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Facet, d.Voters, d.IdeaId });
        builder.HasIndex(d => new { d.Facet, d.Revenue, d.IdeaId });
        builder.HasIndex(d => new { d.Facet, d.GrossProfit, d.IdeaId });
    }
}
