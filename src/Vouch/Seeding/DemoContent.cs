using System.Globalization;
using System.Text;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Content;

namespace Vouch.Seeding;

/// <summary>
/// The demo's content library: one asset of each kind on the first demo accounts, in every approval state, some with a
/// small PDF made here and some with a link, one about to expire and one already expired.
/// </summary>
public static class DemoContent
{
    public static async Task SeedAsync(VouchDbContext db, IContentFileStore files, IReadOnlyList<Account> accounts, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var industries = db.Industries.ToDictionary(i => i.Id);
        ContentAsset Asset(int account, string title, ContentKind kind, BuyerStage stage, ApprovalState state, int? daysLeft, string summary)
        {
            var about = accounts[account % accounts.Count];
            return new ContentAsset
            {
                Title = title.Replace("{account}", about.Name, StringComparison.Ordinal),
                Kind = kind,
                Summary = summary,
                AccountId = about.Id,
                Products = [.. about.Products.Take(2)],
                Industries = about.IndustryId is { } industry ? [industries[industry]] : [],
                Stage = stage,
                State = state,
                ApprovedOn = state is ApprovalState.Approved ? today.AddDays(-90) : null,
                ApprovedUntil = daysLeft is { } days ? today.AddDays(days) : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
        }

        var caseStudy = Asset(0, "How {account} runs its reference program", ContentKind.CaseStudy, BuyerStage.Decision, ApprovalState.Approved, 200,
            "From spreadsheets to a program: fulfilment time down from nine days to two.");
        var slides = Asset(3, "{account} at the customer summit", ContentKind.Slides, BuyerStage.Consideration, ApprovalState.Draft, null,
            "The summit talk, before the customer has seen the final version.");
        var assets = new List<ContentAsset>
        {
            caseStudy,
            slides,
            Asset(1, "{account}: the rollout in three minutes", ContentKind.Video, BuyerStage.Awareness, ApprovalState.Approved, 12,
                "A short film shot at the customer's head office."),
            Asset(2, "\"We stopped guessing who to ask\"", ContentKind.Quote, BuyerStage.Decision, ApprovalState.Approved, 365,
                "The head of customer marketing on finding references."),
            Asset(4, "{account} on working with us", ContentKind.Testimonial, BuyerStage.Consideration, ApprovalState.AwaitingCustomerApproval, null,
                "Sent to the customer's legal team for approval."),
            Asset(5, "{account} logo", ContentKind.Logo, BuyerStage.Awareness, ApprovalState.Approved, null, "For customer logo slides and the website."),
            Asset(6, "{account} review on a software review site", ContentKind.Review, BuyerStage.Consideration, ApprovalState.Approved, -3,
                "Five stars; the permission to quote it ran out."),
        };
        assets[2].Link = "https://example.com/videos/rollout";
        (assets[3].UseLimit, assets[3].UseCount) = (5, 2);
        assets[5].Link = "https://example.com/logos/customer.png";
        assets[6].Link = "https://example.com/reviews/customer";
        db.ContentAssets.AddRange(assets);
        await db.SaveChangesAsync(ct);

        foreach (var asset in new[] { caseStudy, slides })
        {
            var pdf = Pdf(asset.Title);
            var fileId = Guid.CreateVersion7();
            await files.SaveAsync(fileId, new MemoryStream(pdf), ct);
            (asset.FileId, asset.FileName, asset.FileContentType, asset.FileLength) =
                (fileId, ContentFileTypes.SanitizeFileName(asset.Title + ".pdf"), ContentFileTypes.Pdf.MediaType, pdf.Length);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF that shows <paramref name="title"/>: enough for the demo to have a real file to download.</summary>
    private static byte[] Pdf(string title)
    {
        var text = new string([.. title.Where(c => c < 128 && c is not ('(' or ')' or '\\'))]);
        var stream = $"BT /F1 20 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
