using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalOwnerId",
                table: "Opportunities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Opportunities",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Associations",
                table: "Contacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BlogUrl",
                table: "Contacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Consent",
                table: "Contacts",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentExpiresOn",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentGivenOn",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentScope",
                table: "Contacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Followers",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxAsksPerQuarter",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredChannels",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Quotes",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Results",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpeaksAtEvents",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UseCase",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalOwnerId",
                table: "Accounts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityTypes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EffortHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RestPeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialCapitalOffered = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActivityTypes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactBlackouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Starts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactBlackouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactBlackouts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NpsAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsAnswers", x => x.Id);
                    table.CheckConstraint("CK_NpsAnswers_Score", "\"Score\" BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "FK_NpsAnswers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityProducts",
                columns: table => new
                {
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityProducts", x => new { x.OpportunityId, x.ProductsId });
                    table.ForeignKey(
                        name: "FK_OpportunityProducts_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityProducts_Products_ProductsId",
                        column: x => x.ProductsId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactActivityTypes",
                columns: table => new
                {
                    AgreedActivitiesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactActivityTypes", x => new { x.AgreedActivitiesId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_ContactActivityTypes_ActivityTypes_AgreedActivitiesId",
                        column: x => x.AgreedActivitiesId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactActivityTypes_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ActivityTypes",
                columns: new[] { "Id", "EffortHours", "IsActive", "Key", "Name", "RestPeriodDays", "SocialCapitalOffered", "SortOrder", "Version" },
                values: new object[,]
                {
                    { new Guid("140bf6e0-4cd9-d949-a75f-a7e8aece1a65"), 1m, true, "analyst-reference", "Analyst reference", 90, 20, 90, new Guid("842ab1e4-f56f-af74-b1de-0576bfce35b5") },
                    { new Guid("33c1e7b3-0a32-1803-794f-11620717dbd6"), 4m, true, "webinar", "Webinar", 90, 12, 110, new Guid("d253ca62-ae5f-793f-e9f3-876678c8b12c") },
                    { new Guid("37219fd8-f770-1c40-7f68-c6801d0ad3e1"), 0.5m, true, "community-answer", "Community answer", 7, 7, 150, new Guid("5347244e-c1c8-f965-cfe4-573730b04a5d") },
                    { new Guid("5e81e55d-8326-4422-75bb-d23761166343"), 6m, true, "case-study", "Case study", 180, 12, 30, new Guid("bbe6f47d-1209-ee87-a1d5-b9ff5bab33fc") },
                    { new Guid("71f181d9-4ddd-2b5e-8467-afa319b1d132"), 8m, true, "advisory-board", "Advisory board", 90, 25, 130, new Guid("e0b3344d-1128-c703-eaed-f00e5cdb2158") },
                    { new Guid("7ed2aef9-b7ad-8b11-81b0-5f1fcb8e38bf"), 4m, true, "video", "Video testimonial", 180, 12, 40, new Guid("1b78ad60-9911-7de3-acab-0cf92bac5bb1") },
                    { new Guid("8948f460-74ce-4caf-231a-1dced1bad8b2"), 2m, true, "press-release", "Press release", 180, 12, 70, new Guid("3c4e761f-3764-c7c4-33a7-bfc353ba1571") },
                    { new Guid("8a834980-6729-6107-f82f-8a1e3e52f58b"), 4m, true, "site-visit", "Site visit", 90, 9, 20, new Guid("8f774724-7d24-c383-e6da-7261f9eb3ed5") },
                    { new Guid("960b7b2a-3c26-dd70-197c-ff778c38b81a"), 1m, true, "reference-call", "Reference call", 30, 5, 10, new Guid("f183cebc-09d9-bcfc-56cc-9a4fc7c01e9f") },
                    { new Guid("a2ba70cf-9b39-40f9-a6e4-422095adcc82"), 1m, true, "review-site-review", "Review-site review", 180, 4, 120, new Guid("73c00cee-37cc-3148-5518-250fb4974dd2") },
                    { new Guid("b3e9c807-5892-e54e-e1fd-72a16c356c6d"), 4m, true, "beta-feedback", "Beta feedback", 60, 18, 140, new Guid("a4cde51b-1817-93db-3fd1-5ff643361879") },
                    { new Guid("b57a5e5e-ecbe-4974-e681-59fd3a3fb133"), 8m, true, "speaking", "Speaking", 120, 13, 100, new Guid("6ecc83ef-02a7-267c-37d9-626b8986e74c") },
                    { new Guid("c4449984-3dc4-f015-b70b-d07aa6bb38e9"), 2m, true, "media-interview", "Media interview", 90, 12, 80, new Guid("e0784706-5491-ec34-68ee-e82e333b76ba") },
                    { new Guid("c6e8782a-31b1-554f-7834-b35ba0a2b638"), 12m, true, "event-host", "Event host", 180, 13, 170, new Guid("63708d5a-9748-7a3d-2454-ee717aa6817e") },
                    { new Guid("cb0896f3-fa0f-3dfa-d8a5-af5ccc30ee8a"), 1m, true, "referral", "Referral", 30, 9, 160, new Guid("b1da36c0-e87d-88df-17bb-9bdcdc91dc41") },
                    { new Guid("cfc8a9d1-9b04-d4ba-f3e8-52ba597e09c3"), 0.5m, true, "quote", "Quote", 60, 4, 50, new Guid("4fd87cbc-1e07-379d-8683-703154cb3ab7") },
                    { new Guid("e879e175-dc74-bff9-3a45-9e9d05267c81"), 0.25m, true, "logo-use", "Logo use", 365, 4, 60, new Guid("a3ee7615-8bc0-672b-1d48-a0fb53ecf2ee") },
                    { new Guid("eccfee97-e190-3118-c35f-ebf6a6511303"), 1m, true, "brand-defence", "Brand defence", 30, 5, 180, new Guid("31e037ff-ca05-2cc4-4b84-ed4698b36003") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTypes_Key",
                table: "ActivityTypes",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ContactId_RecordedAt",
                table: "ConsentRecords",
                columns: new[] { "ContactId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedById",
                table: "ConsentRecords",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ContactActivityTypes_ContactId",
                table: "ContactActivityTypes",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactBlackouts_ContactId_Starts",
                table: "ContactBlackouts",
                columns: new[] { "ContactId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_ContactId_AnsweredOn",
                table: "NpsAnswers",
                columns: new[] { "ContactId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityProducts_ProductsId",
                table: "OpportunityProducts",
                column: "ProductsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "ContactActivityTypes");

            migrationBuilder.DropTable(
                name: "ContactBlackouts");

            migrationBuilder.DropTable(
                name: "NpsAnswers");

            migrationBuilder.DropTable(
                name: "OpportunityProducts");

            migrationBuilder.DropTable(
                name: "ActivityTypes");

            migrationBuilder.DropColumn(
                name: "ExternalOwnerId",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "Associations",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "BlogUrl",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Consent",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentExpiresOn",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentGivenOn",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentScope",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Followers",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MaxAsksPerQuarter",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PreferredChannels",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Quotes",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Results",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SpeaksAtEvents",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "UseCase",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ExternalOwnerId",
                table: "Accounts");
        }
    }
}
