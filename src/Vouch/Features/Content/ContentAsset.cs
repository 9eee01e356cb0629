using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Users;

namespace Vouch.Features.Content;

public enum ContentKind { CaseStudy, Video, Quote, Testimonial, Logo, Review, Slides }

/// <summary>Where in the buyer's journey the content helps: learning of a problem, comparing, or deciding.</summary>
public enum BuyerStage { Awareness, Consideration, Decision }

/// <summary>
/// Where the customer's permission to use the content stands. <see cref="Expired"/> is also what an approved asset
/// becomes, as it is read, once its approved-until date has passed: nothing has to run to expire it.
/// </summary>
public enum ApprovalState { Draft, AwaitingCustomerApproval, Approved, Expired, Retired }

/// <summary>
/// A piece of reference content the program holds: a case study, a video, a quote… about one customer, with the
/// customer's approval, how long it lasts and how often the content may be used. Its body is a file or a link.
/// </summary>
public sealed class ContentAsset : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int LinkMaxLength = 2000;
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public ContentKind Kind { get; set; }
    public string? Summary { get; set; }
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public List<Product> Products { get; set; } = [];
    public List<Industry> Industries { get; set; } = [];
    public BuyerStage? Stage { get; set; }

    // Where the product fits and where it does not, as the story tells it.
    public string? FitsWhere { get; set; }
    public string? NotAFitFor { get; set; }

    /// <summary>The state as it was last set; see <see cref="StateOn"/> for the state as of a day.</summary>
    public ApprovalState State { get; set; } = ApprovalState.Draft;
    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The last day the customer allows the content to be used; none means until it is retired.</summary>
    public DateOnly? ApprovedUntil { get; set; }
    public int UseCount { get; set; }

    /// <summary>How many times the customer allows the content to be used; none means no limit.</summary>
    public int? UseLimit { get; set; }

    /// <summary>An http or https address where the content lives, for content that is not a file kept here.</summary>
    public string? Link { get; set; }

    /// <summary>The stored file, under an id of its own: a new upload is written beside the old one before it replaces it.</summary>
    public Guid? FileId { get; set; }

    /// <summary>The uploaded file's sanitised name; null while the asset has no file.</summary>
    public string? FileName { get; set; }

    /// <summary>The type the file's own bytes showed it to be, not the type the uploader declared.</summary>
    public string? FileContentType { get; set; }
    public long? FileLength { get; set; }
    public Guid? CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public User? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every save; a save that carries an older version is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool HasFile => FileId is not null;

    /// <summary>An approved asset whose approved-until day is behind <paramref name="today"/> is expired.</summary>
    public ApprovalState StateOn(DateOnly today) => ContentRules.StateOn(State, ApprovedUntil, today);
}

internal sealed class ContentAssetConfiguration : IEntityTypeConfiguration<ContentAsset>
{
    public void Configure(EntityTypeBuilder<ContentAsset> builder)
    {
        builder.ToTable("ContentAssets");
        builder.Property(c => c.Title).HasMaxLength(ContentAsset.TitleMaxLength);
        builder.Property(c => c.Summary).HasMaxLength(ContentAsset.SummaryMaxLength);
        builder.Property(c => c.FitsWhere).HasMaxLength(Contacts.Contact.StoryMaxLength);
        builder.Property(c => c.NotAFitFor).HasMaxLength(Contacts.Contact.StoryMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Link).HasMaxLength(ContentAsset.LinkMaxLength);
        builder.Property(c => c.FileName).HasMaxLength(ContentAsset.FileNameMaxLength);
        builder.Property(c => c.FileContentType).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.HasFile);
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.CreatedBy).WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.UpdatedBy).WithMany().HasForeignKey(c => c.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Products).WithMany().UsingEntity("ContentAssetProducts");
        builder.HasMany(c => c.Industries).WithMany().UsingEntity("ContentAssetIndustries");
        // Content about a deleted account or contact is hidden with it.
        builder.HasQueryFilter(c => c.Account!.DeletedAt == null);
        builder.HasIndex(c => c.AccountId);
        builder.HasIndex(c => new { c.State, c.ApprovedUntil });
        builder.HasIndex(c => new { c.Title, c.Id });
    }
}
