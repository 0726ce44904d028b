package org.tongban.cases;

import org.jspecify.annotations.Nullable;


/**
 * How the application came in (GB/T 39046 A.5 申报来源) and how the result goes back. At a counter, any service
 * centre may accept an item whose handling department is elsewhere (收受分离, 全市通办): the case keeps the accepting
 * centre beside the handling department. A clerk applying for someone (帮办代办) records the authorisation.
 *
 * @param acceptingCentre   the code of the service centre whose counter took the application, {@code null} online
 * @param clerk             the clerk who applied on the applicant's behalf, {@code null} when the applicant did
 * @param authorisation     what authorises the clerk (委托书, the applicant present in person …)
 */
public record Intake(Channel channel, @Nullable String acceptingCentre, @Nullable Actor clerk,
                     @Nullable String authorisation, Delivery delivery) {

    /** 申报来源 with the national codes of GB/T 39046 A.5. */
    public enum Channel {
        COUNTER("1"), WEB("2"), MOBILE("3"), MAIL("4");

        private final String nationalCode;

        Channel(String nationalCode) {
            this.nationalCode = nationalCode;
        }

        public String nationalCode() {
            return nationalCode;
        }
    }

    /** 结果送达: picked up at the accepting centre, mailed, or downloaded (electronic results). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseDelivery")
    public record Delivery(Method method, @Nullable String address) {

        public enum Method { PICK_UP, MAIL, ELECTRONIC }

        public Delivery {
            if (method == Method.MAIL && (address == null || address.isBlank())) {
                throw new org.tongban.shared.InvalidValueException("case.delivery-address", "选择邮寄送达时须填写收件地址");
            }
        }
    }

    public static Intake online(Channel channel, Delivery delivery) {
        return new Intake(channel, null, null, null, delivery);
    }
}
