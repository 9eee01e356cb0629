using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;

namespace Vouch.Features.Ideas;

/// <summary>
/// A customer account credited with a delivered idea because its people asked for it (voted): the knowledge value the
/// value model counts. Written when the idea is delivered, removed if it is moved back.
/// </summary>
public sealed class IdeaCredit
{
    public Guid IdeaId { get; set; }
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>How many of the account's people had voted.</summary>
    public int Voters { get; set; }
    public DateTimeOffset CreditedAt { get; set; }
}

internal sealed class IdeaCreditConfiguration : IEntityTypeConfiguration<IdeaCredit>
{
    public void Configure(EntityTypeBuilder<IdeaCredit> builder)
    {
        builder.HasKey(c => new { c.IdeaId, c.AccountId });
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AccountId);
    }
}
