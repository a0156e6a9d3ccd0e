import { describe, expect, it } from 'vitest';
import { findPdfSignatures } from '../../src/ingest/findPdfSignatures.js';
import { offerPdf } from '../case/caseLetters.js';

const dictionary = (body: string) => Buffer.from(`%PDF-1.7\n12 0 obj\n<< ${body} >>\nendobj\n%%EOF\n`, 'latin1');
const CONTENTS = `/Contents <${'3082'.padEnd(64, 'a1')}>`;

describe('findPdfSignatures', () => {
  it('finds a signature dictionary with its format and signer', async () => {
    expect(findPdfSignatures(await offerPdf({}, { certificate: true }))).toEqual([{ subFilter: 'adbe.pkcs7.detached', signer: 'Dana Whitfield' }]);
    expect(findPdfSignatures(dictionary(`/Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 100 300 50] ${CONTENTS} /Name <FEFF004C0065006E0061>`))).toEqual([
      { subFilter: 'ETSI.CAdES.detached', signer: 'Lena' },
    ]);
  });

  it('finds none in an unsigned letter, an empty signature field, a zeroed placeholder or a time stamp', async () => {
    expect(findPdfSignatures(await offerPdf())).toEqual([]);
    expect(findPdfSignatures(dictionary('/FT /Sig /T (Signature1)'))).toEqual([]);
    expect(findPdfSignatures(dictionary(`/Type /Sig /ByteRange [0 100 300 50] /Contents <${'0'.repeat(64)}>`))).toEqual([]);
    expect(findPdfSignatures(dictionary(`/Type /DocTimeStamp /SubFilter /ETSI.RFC3161 /ByteRange [0 100 300 50] ${CONTENTS}`))).toEqual([]);
  });
});
