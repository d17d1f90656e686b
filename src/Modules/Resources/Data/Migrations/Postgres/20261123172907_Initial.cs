using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Resources.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "resources");

            migrationBuilder.CreateTable(
                name: "res_blob",
                schema: "resources",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScannedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreviewSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Preview = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_blob", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "res_catalogue_node",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    GradeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_catalogue_node", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_entitlement",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_entitlement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_resource",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    PublishedVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LatestVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DownloadCount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_resource", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_upload",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TotalBytes = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    BlobSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_upload", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_version",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    KnowledgePoints = table.Column<List<string>>(type: "text[]", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LicenceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CatalogueNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GradeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    CataloguePath = table.Column<List<string>>(type: "text[]", nullable: false),
                    CatalogueNodeIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    BlobSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstReviewerId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_version_event",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_version_event", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_blob_Preview",
                schema: "resources",
                table: "res_blob",
                column: "Preview");

            migrationBuilder.CreateIndex(
                name: "IX_res_catalogue_node_ParentId_SortOrder",
                schema: "resources",
                table: "res_catalogue_node",
                columns: new[] { "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_res_entitlement_ResourceId_AccountId",
                schema: "resources",
                table: "res_entitlement",
                columns: new[] { "ResourceId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_entitlement_ResourceId_SchoolId",
                schema: "resources",
                table: "res_entitlement",
                columns: new[] { "ResourceId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_resource_OwnerId",
                schema: "resources",
                table: "res_resource",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_res_resource_PublishedVersionId",
                schema: "resources",
                table: "res_resource",
                column: "PublishedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_res_upload_OwnerId",
                schema: "resources",
                table: "res_upload",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_CatalogueNodeId",
                schema: "resources",
                table: "res_version",
                column: "CatalogueNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_ResourceId_Number",
                schema: "resources",
                table: "res_version",
                columns: new[] { "ResourceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_version_Status",
                schema: "resources",
                table: "res_version",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_event_ResourceId",
                schema: "resources",
                table: "res_version_event",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_res_version_event_VersionId_At",
                schema: "resources",
                table: "res_version_event",
                columns: new[] { "VersionId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_blob",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_catalogue_node",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_entitlement",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_resource",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_upload",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_version",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_version_event",
                schema: "resources");
        }
    }
}
