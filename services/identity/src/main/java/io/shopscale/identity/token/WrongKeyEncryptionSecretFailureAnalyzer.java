package io.shopscale.identity.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at a failed start what is wrong and what to do, instead of leaving it inside a stack trace. */
class WrongKeyEncryptionSecretFailureAnalyzer extends AbstractFailureAnalyzer<WrongKeyEncryptionSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WrongKeyEncryptionSecretException cause) {
        return new FailureAnalysis(cause.problem(), WrongKeyEncryptionSecretException.REMEDY, cause);
    }
}
