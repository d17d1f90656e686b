using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Homework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "homework");

            migrationBuilder.CreateTable(
                name: "hw_assignment",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SetId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClassName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Instructions = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Subject = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MaxScore = table.Column<double>(type: "double precision", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AttachmentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_assignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_criterion",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_criterion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_file",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_file_comment",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_file_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_submission",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FileIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    CriterionPoints = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MarkedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_submission", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hw_submission_version",
                schema: "homework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FileIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hw_submission_version", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_CityCode",
                schema: "homework",
                table: "hw_assignment",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ClassId",
                schema: "homework",
                table: "hw_assignment",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ClassId_DueAt",
                schema: "homework",
                table: "hw_assignment",
                columns: new[] { "ClassId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_CountyCode",
                schema: "homework",
                table: "hw_assignment",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_ProvinceCode",
                schema: "homework",
                table: "hw_assignment",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_SchoolId",
                schema: "homework",
                table: "hw_assignment",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_assignment_SetId",
                schema: "homework",
                table: "hw_assignment",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_criterion_AssignmentId_SortOrder",
                schema: "homework",
                table: "hw_criterion",
                columns: new[] { "AssignmentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_UploadedBy",
                schema: "homework",
                table: "hw_file",
                column: "UploadedBy");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_CityCode",
                schema: "homework",
                table: "hw_file_comment",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_ClassId",
                schema: "homework",
                table: "hw_file_comment",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_CountyCode",
                schema: "homework",
                table: "hw_file_comment",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_ProvinceCode",
                schema: "homework",
                table: "hw_file_comment",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_SchoolId",
                schema: "homework",
                table: "hw_file_comment",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_file_comment_SubmissionId",
                schema: "homework",
                table: "hw_file_comment",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_AssignmentId_StudentId",
                schema: "homework",
                table: "hw_submission",
                columns: new[] { "AssignmentId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_CityCode",
                schema: "homework",
                table: "hw_submission",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_ClassId",
                schema: "homework",
                table: "hw_submission",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_CountyCode",
                schema: "homework",
                table: "hw_submission",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_ProvinceCode",
                schema: "homework",
                table: "hw_submission",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_SchoolId",
                schema: "homework",
                table: "hw_submission",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_StudentId",
                schema: "homework",
                table: "hw_submission",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_CityCode",
                schema: "homework",
                table: "hw_submission_version",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_ClassId",
                schema: "homework",
                table: "hw_submission_version",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_CountyCode",
                schema: "homework",
                table: "hw_submission_version",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_ProvinceCode",
                schema: "homework",
                table: "hw_submission_version",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_SchoolId",
                schema: "homework",
                table: "hw_submission_version",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_StudentId_IdempotencyKey",
                schema: "homework",
                table: "hw_submission_version",
                columns: new[] { "StudentId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hw_submission_version_SubmissionId_Number",
                schema: "homework",
                table: "hw_submission_version",
                columns: new[] { "SubmissionId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hw_assignment",
                schema: "homework");

            migrationBuilder.DropTable(
                name: "hw_criterion",
                schema: "homework");

            migrationBuilder.DropTable(
                name: "hw_file",
                schema: "homework");

            migrationBuilder.DropTable(
                name: "hw_file_comment",
                schema: "homework");

            migrationBuilder.DropTable(
                name: "hw_submission",
                schema: "homework");

            migrationBuilder.DropTable(
                name: "hw_submission_version",
                schema: "homework");
        }
    }
}
