package org.tongban.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample application form of the component gallery. It is bound and validated by the real machinery (Spring
 * binding, {@link ChineseDateFormatter}, Bean Validation with messages from the bundle), so that the gallery shows
 * form errors exactly as an application form would. One constraint per field, as the design system shows one
 * message per field.
 */
class GalleryForm {

    @NotBlank(message = "{design.form.fullName.required}")
    private @Nullable String fullName;

    @Pattern(regexp = "\\d{17}[\\dXx]", message = "{design.form.idNumber.invalid}")
    private @Nullable String idNumber;

    @NotNull(message = "{design.form.appointmentDate.required}")
    private @Nullable LocalDate appointmentDate;

    @Pattern(regexp = "1\\d{10}", message = "{design.form.phone.invalid}")
    private @Nullable String phone;

    @NotBlank(message = "{design.form.handling.required}")
    private @Nullable String handling;

    @NotEmpty(message = "{design.form.materials.required}")
    private List<String> materials = new ArrayList<>();

    private @Nullable MultipartFile attachment;

    @Size(max = 200, message = "{design.form.notes.tooLong}")
    private @Nullable String notes;

    @AssertTrue(message = "{design.form.agreed.required}")
    private boolean agreed;

    public @Nullable String getFullName() {
        return fullName;
    }

    public void setFullName(@Nullable String fullName) {
        this.fullName = fullName;
    }

    public @Nullable String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(@Nullable String idNumber) {
        this.idNumber = idNumber;
    }

    public @Nullable LocalDate getAppointmentDate() {
        return appointmentDate;
    }

    public void setAppointmentDate(@Nullable LocalDate appointmentDate) {
        this.appointmentDate = appointmentDate;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getHandling() {
        return handling;
    }

    public void setHandling(@Nullable String handling) {
        this.handling = handling;
    }

    public List<String> getMaterials() {
        return materials;
    }

    public void setMaterials(List<String> materials) {
        this.materials = materials;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes;
    }

    public boolean isAgreed() {
        return agreed;
    }

    public void setAgreed(boolean agreed) {
        this.agreed = agreed;
    }

    public @Nullable MultipartFile getAttachment() {
        return attachment;
    }

    public void setAttachment(@Nullable MultipartFile attachment) {
        this.attachment = attachment;
    }
}
