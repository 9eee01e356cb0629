using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Content;
using Vouch.Tests.Infrastructure;
using static Vouch.Tests.Api.ContentTestData;

namespace Vouch.Tests.Api;

/// <summary>The content library over the API: what each role sees, approval and expiry, uses, and files in the database.</summary>
public sealed class ContentApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_file_uploaded_is_downloaded_byte_for_byte_with_its_name_and_type()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        // Over two slices of the database store, so the download crosses a slice boundary.
        var bytes = File(PdfHead, 2 * ContentFileChunk.Size + 12_345);

        using var uploaded = await UploadAsync(manager, content.Id, bytes, "Northwind case study.pdf", "text/plain");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var file = (await uploaded.Content.ReadFromJsonAsync<ContentResponse>(Ct))!.File!;
        Assert.Equal(new ContentFileResponse("Northwind case study.pdf", "application/pdf", bytes.Length, $"/api/v1/content/{content.Id}/file"), file);
        using var download = await manager.GetAsync(file.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Northwind case study.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_across_two_slices_is_answered_with_206_and_just_those_bytes()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var bytes = File(PdfHead, ContentFileChunk.Size + 1000);
        using var _ = await UploadAsync(manager, content.Id, bytes, "range.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/content/{content.Id}/file");
        request.Headers.Range = new RangeHeaderValue(ContentFileChunk.Size - 10, ContentFileChunk.Size + 9);

        using var response = await manager.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[(ContentFileChunk.Size - 10)..(ContentFileChunk.Size + 10)], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_new_file_replaces_the_old_one_and_the_old_bytes_are_gone()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        using var first = await UploadAsync(manager, content.Id, File(PdfHead, 5000), "first.pdf");
        var png = File([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 3000);

        using var second = await UploadAsync(manager, content.Id, png, "logo.png");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var download = await manager.GetAsync($"/api/v1/content/{content.Id}/file", Ct);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        var slices = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentFileChunks
            .Where(c => c.FileId == services.GetRequiredService<VouchDbContext>().ContentAssets.Single(a => a.Id == content.Id).FileId).CountAsync(Ct));
        Assert.Equal(1, slices);
    }

    [Theory]
    [InlineData("MZ\u0090\0\u0003\0\0\0", "setup.pdf", "The file is named as a PDF file but its content is not one (it is a Windows program).")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.svg", "'.svg' files are not accepted; the library takes PDF, PNG, JPEG, GIF, WebP, MP4, PowerPoint, Word, Excel files.")]
    [InlineData("%PDF-1.4 not really a picture", "photo.png", "The file is named as a PNG file but its content is a PDF file.")]
    [InlineData("", "empty.pdf", "The file is named as a PDF file but its content is not one (it is empty).")]
    public async Task A_file_whose_bytes_are_not_what_its_name_says_is_refused_naming_the_field(string content, string fileName, string message)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var asset = await AddContentAsync(manager);

        using var response = await UploadAsync(manager, asset.Id, System.Text.Encoding.Latin1.GetBytes(content), fileName, "application/pdf");

        Assert.Equal([message], await response.AssertValidationProblemAsync("file"));
        var after = await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{asset.Id}", Ct);
        Assert.Null(after!.File);
        Assert.Equal(asset.Version, after.Version);
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_is_refused_with_415()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var asset = await AddContentAsync(manager);

        using var response = await manager.PostAsync($"/api/v1/content/{asset.Id}/file", new ByteArrayContent(PdfHead), Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_link_must_be_http_or_https_and_nothing_is_created_otherwise()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var accountId = await AddAccountAsync(manager);

        using var response = await manager.PostAsJsonAsync("/api/v1/content",
            new { title = "Video", kind = "Video", accountId, link = "javascript:alert(1)" }, Ct);

        Assert.Equal(["link must be an http or https address of at most 2000 characters."], await response.AssertValidationProblemAsync("link"));
        var listed = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}", Ct);
        Assert.Equal(0, listed!.Total);
    }

    [Fact]
    public async Task Content_that_is_a_link_takes_no_file()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var accountId = await AddAccountAsync(manager);
        var video = await AddContentAsync(manager, new { title = "Keynote", kind = "Video", accountId, link = "https://video.example.com/keynote" });

        using var response = await UploadAsync(manager, video.Id, File(PdfHead, 100), "keynote.pdf");

        Assert.Equal(["This content is a link: remove the link before uploading a file."], await response.AssertValidationProblemAsync("file"));
    }

    [Fact]
    public async Task Sellers_find_approved_content_but_not_drafts()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var draft = await AddContentAsync(manager);
        var approved = await AddContentAsync(manager);
        await ApproveAsync(manager, approved.Id, Today.AddDays(60));

        var seen = await seller.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>("/api/v1/content?q=Northwind&pageSize=200", Ct);

        Assert.Contains(seen!.Items, c => c.Id == approved.Id && c.State == "Approved" && c.ExpiresInDays == 60);
        Assert.DoesNotContain(seen.Items, c => c.Id == draft.Id);
        using var hidden = await seller.GetAsync($"/api/v1/content/{draft.Id}", Ct);
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Content_whose_approval_ended_yesterday_is_expired_and_out_of_search_with_nothing_having_run()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var content = await AddContentAsync(manager);
        await ApproveAsync(manager, content.Id, Today.AddDays(5));
        // The approval ends as the days pass: here the day is moved rather than the clock.
        await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentAssets
            .Where(c => c.Id == content.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.ApprovedUntil, Today.AddDays(-1)), Ct));

        var forSeller = await seller.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={content.AccountId}", Ct);
        var expired = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={content.AccountId}&state=Expired", Ct);
        var approved = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={content.AccountId}&state=Approved", Ct);
        using var use = await manager.PostAsync($"/api/v1/content/{content.Id}/uses", null, Ct);

        Assert.Equal(0, forSeller!.Total);
        Assert.Equal("Expired", Assert.Single(expired!.Items).State);
        Assert.Equal(0, approved!.Total);
        var problem = await use.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The customer's approval of this content has expired.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Expiring_within_days_lists_approved_content_ending_soonest_first()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var accountId = await AddAccountAsync(manager);
        var later = await AddContentAsync(manager, new { title = "Later", kind = "Quote", accountId });
        var sooner = await AddContentAsync(manager, new { title = "Sooner", kind = "Quote", accountId });
        var beyond = await AddContentAsync(manager, new { title = "Beyond", kind = "Quote", accountId });
        await ApproveAsync(manager, later.Id, Today.AddDays(20));
        await ApproveAsync(manager, sooner.Id, Today.AddDays(3));
        await ApproveAsync(manager, beyond.Id, Today.AddDays(45));

        var expiring = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}&expiringWithinDays=30", Ct);

        Assert.Equal([("Sooner", 3), ("Later", 20)], expiring!.Items.Select(c => (c.Title, c.ExpiresInDays!.Value)));
    }

    [Fact]
    public async Task A_use_limit_reached_refuses_more_uses_and_takes_the_content_out_of_search()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var accountId = await AddAccountAsync(manager);
        var quote = await AddContentAsync(manager, new { title = "Quote for two deals", kind = "Quote", accountId, useLimit = 2 });
        await ApproveAsync(manager, quote.Id);

        using var first = await seller.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct);
        using var second = await seller.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct);
        using var third = await seller.PostAsync($"/api/v1/content/{quote.Id}/uses", null, Ct);

        Assert.Equal(new ContentUseResponse(1, 2, 1), await first.Content.ReadFromJsonAsync<ContentUseResponse>(Ct));
        Assert.Equal(new ContentUseResponse(2, 2, 0), await second.Content.ReadFromJsonAsync<ContentUseResponse>(Ct));
        var problem = await third.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("This content has been used 2 of the 2 times the customer allows.", problem.GetProperty("detail").GetString());
        var found = await seller.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}", Ct);
        Assert.Equal(0, found!.Total);
        var managed = await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{quote.Id}", Ct);
        Assert.Equal(2, managed!.UseCount);
    }

    [Fact]
    public async Task A_draft_cannot_be_used()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var draft = await AddContentAsync(manager);

        using var use = await manager.PostAsync($"/api/v1/content/{draft.Id}/uses", null, Ct);

        var problem = await use.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("This content is draft: only approved content can be used.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Managers_move_content_through_its_states_as_the_rules_allow()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        Assert.Equal("Draft", content.State);

        using var asked = await manager.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "AwaitingCustomerApproval" }, Ct);
        using var pastApproval = await manager.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "Approved", approvedUntil = Today.AddDays(-1) }, Ct);
        var approved = await ApproveAsync(manager, content.Id, Today.AddDays(90));
        using var retired = await manager.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "Retired" }, Ct);
        using var backToApproved = await manager.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "Approved" }, Ct);
        using var unknown = await manager.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "Published" }, Ct);

        Assert.Equal("AwaitingCustomerApproval", (await asked.Content.ReadFromJsonAsync<ContentResponse>(Ct))!.State);
        Assert.Equal(["approvedUntil has passed: content cannot be approved until a day behind us."], await pastApproval.AssertValidationProblemAsync("approvedUntil"));
        Assert.Equal((Today, Today.AddDays(90)), (approved.ApprovedOn!.Value, approved.ApprovedUntil!.Value));
        Assert.Equal("Retired", (await retired.Content.ReadFromJsonAsync<ContentResponse>(Ct))!.State);
        var conflict = await backToApproved.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Content that is retired cannot become approved; it can become draft.", conflict.GetProperty("detail").GetString());
        Assert.Equal(["state must be one of Draft, AwaitingCustomerApproval, Approved, Expired, Retired."], await unknown.AssertValidationProblemAsync("state"));
    }

    [Theory]
    [InlineData(Roles.Seller)]
    [InlineData(Roles.Executive)]
    public async Task Sellers_and_executives_read_but_do_not_approve_create_or_upload(string role)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var reader = await app.ClientForAsync(role);
        var content = await AddContentAsync(manager);

        using var approve = await reader.PostAsJsonAsync($"/api/v1/content/{content.Id}/state", new { state = "Approved" }, Ct);
        using var create = await reader.PostAsJsonAsync("/api/v1/content", new { title = "Mine", kind = "Quote", accountId = content.AccountId }, Ct);
        using var upload = await UploadAsync(reader, content.Id, File(PdfHead, 100), "x.pdf");
        using var delete = await reader.DeleteAsync($"/api/v1/content/{content.Id}", Ct);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [approve.StatusCode, create.StatusCode, upload.StatusCode, delete.StatusCode]);
        var after = await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{content.Id}", Ct);
        Assert.Equal(content.Version, after!.Version);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_content_is_unchanged()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        var edit = new { title = "New title", kind = "CaseStudy", accountId = content.AccountId, version = content.Version };
        using var first = await manager.PutAsJsonAsync($"/api/v1/content/{content.Id}", edit, Ct);

        using var stale = await manager.PutAsJsonAsync($"/api/v1/content/{content.Id}", edit with { title = "Lost title" }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("New title", (await manager.GetFromJsonAsync<ContentResponse>($"/api/v1/content/{content.Id}", Ct))!.Title);
    }

    [Fact]
    public async Task Products_and_industries_are_written_by_name_and_filtered_by_key()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var product = await manager.PostAsJsonAsync("/api/v1/products", new { name = $"Content Suite {Guid.NewGuid():N}"[..24] }, Ct);
        var productName = (await product.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("name").GetString()!;
        var accountId = await AddAccountAsync(manager);
        var content = await AddContentAsync(manager, new
        {
            title = "Slides for banks", kind = "Slides", accountId, products = new[] { productName }, industries = new[] { "banking", "Insurance" },
        });

        var byIndustry = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}&industry=Banking&kind=slides", Ct);
        var byOther = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}&industry=retail", Ct);
        var byProduct = await manager.GetFromJsonAsync<Vouch.Web.Paged<ContentSummary>>($"/api/v1/content?account={accountId}&product={Uri.EscapeDataString(productName)}", Ct);

        Assert.Equal(["Banking", "Insurance"], content.Industries);
        Assert.Equal([productName], content.Products);
        Assert.Equal(content.Id, Assert.Single(byIndustry!.Items).Id);
        Assert.Equal(0, byOther!.Total);
        Assert.Equal(content.Id, Assert.Single(byProduct!.Items).Id);
    }

    [Fact]
    public async Task An_unknown_filter_value_is_a_validation_problem()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync("/api/v1/content?kind=Podcast&expiringWithinDays=-1", Ct);

        Assert.Equal(["kind must be one of CaseStudy, Video, Quote, Testimonial, Logo, Review, Slides."], await response.AssertValidationProblemAsync("kind"));
    }

    [Fact]
    public async Task Deleting_content_deletes_its_file()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var content = await AddContentAsync(manager);
        using var uploaded = await UploadAsync(manager, content.Id, File(PdfHead, 10_000), "gone.pdf");
        var fileId = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentAssets
            .Where(c => c.Id == content.Id).Select(c => c.FileId).SingleAsync(Ct));

        using var deleted = await manager.DeleteAsync($"/api/v1/content/{content.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await manager.GetAsync($"/api/v1/content/{content.Id}/file", Ct);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ContentFileChunks.AnyAsync(c => c.FileId == fileId, Ct)));
    }
}
