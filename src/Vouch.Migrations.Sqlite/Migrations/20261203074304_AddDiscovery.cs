using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDiscovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CandidateScores",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IndustryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsCandidate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfitPercentile = table.Column<int>(type: "INTEGER", nullable: true),
                    LatestNps = table.Column<int>(type: "INTEGER", nullable: true),
                    PromoterNeverAsked = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsAdvocate = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastEngagedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateScores", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_CandidateScores_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NominatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_AspNetUsers_NominatedById",
                        column: x => x.NominatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Nominations_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_AccountId",
                table: "CandidateScores",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsAdvocate_LastEngagedOn_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsAdvocate", "LastEngagedOn", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_IndustryId_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "IndustryId", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_Segment_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "Segment", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_IsCandidate_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "IsCandidate", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_PromoterNeverAsked_Total_ContactId",
                table: "CandidateScores",
                columns: new[] { "PromoterNeverAsked", "Total", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_Open",
                table: "Nominations",
                column: "ContactId",
                unique: true,
                filter: "\"State\" = 'Proposed'");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_ProposedAt",
                table: "Nominations",
                columns: new[] { "ContactId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_DecidedById",
                table: "Nominations",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NominatedById",
                table: "Nominations",
                column: "NominatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_OpportunityId_ContactId",
                table: "Nominations",
                columns: new[] { "OpportunityId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_State_ProposedAt",
                table: "Nominations",
                columns: new[] { "State", "ProposedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateScores");

            migrationBuilder.DropTable(
                name: "Nominations");
        }
    }
}
